"""The source editor's square brackets: what their contents look like and how TEI encodes them.

``shapes`` recognises a bracket's content by its shape (never by a particular name or document),
``encode`` turns a recognised bracket into TEI editorial markup, ``conventions`` states what was done in
the editorialDecl. The pass that walks a document is :mod:`teiedit.transforms.brackets`.
"""
