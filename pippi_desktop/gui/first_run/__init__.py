"""The first-run wizard: create a workspace (and show its recovery code) or open one."""

from pippi_desktop.gui.first_run.wizard import FirstRunWizard

__all__ = ["FirstRunWizard"]
