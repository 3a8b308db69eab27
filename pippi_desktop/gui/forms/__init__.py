"""Compiled Qt Designer forms (generated: see build_scripts/build_forms.py)."""
