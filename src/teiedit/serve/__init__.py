"""``teiedit serve``: the built site over HTTP, with the APIs a static host cannot answer."""
