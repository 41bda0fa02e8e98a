"""Builders render the loaded edition into outputs: the web edition (html), the print edition (pdf).
The table of every builder, exports included, is builders/registry.py; what a builder is, builder.py."""
