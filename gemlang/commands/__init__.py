"""One module per `gemlang` sub-command; see gemlang/cli.py."""
