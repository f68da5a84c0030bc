"""The gemlang chat app, installed as the package `gemlang_app` (see setup.py): `gemlang app` starts it."""
