"""The site readers use: MkDocs hooks and the data behind its pages."""
