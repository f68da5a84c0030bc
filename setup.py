"""Package list only (everything else is in pyproject.toml): the chat UI stays in the top-level app/ folder,
outside the library, and installs as the package `gemlang_app` so `gemlang app` runs from a wheel too."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["gemlang", "gemlang.*"]), "gemlang_app"],
    package_dir={"gemlang_app": "app"},
)
