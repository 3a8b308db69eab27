"""What `pippi-desktop` does without a command: the window, a demo, or screenshots.

This is the path that paints the unlock dialog: what only the headless demo, `--demo` or the
screenshots need is imported inside them (`tests/test_launch_imports.py`).
"""

from __future__ import annotations

import argparse
import os
import sys

from pippi_desktop.cli.app import CliContext
from pippi_desktop.domain.errors import EXIT_INTERNAL, EXIT_OK
from pippi_desktop.domain.i18n import Lang, _, ngettext, parse_lang

DEMO_FAMILIES = 20  # synthetic families in the window's demo workspace (a few seconds)


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] == "offscreen":
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def run_headless_demo(ctx: CliContext) -> int:
    """No window possible: the whole product on demo data, from the field to the office."""
    from pippi_desktop.cli.workspace_commands import print_info
    from pippi_desktop.services.demo_tour import run_demo_tour  # Faker: only for the demo

    ctx.say(
        _(
            "Nessuno schermo disponibile: ecco il percorso completo su dati dimostrativi "
            "(qualche secondo)…"
        )
    )
    print(file=ctx.stdout)
    tour = run_demo_tour(lang=ctx.lang)
    ctx.say(_("1. Area di lavoro dell'educatrice: {path}"), path=tour.educator.path)
    ctx.say("   " + _("Passphrase: {passphrase}"), passphrase=tour.educator.passphrase)
    print(file=ctx.stdout)
    print_info(tour.educator_info, ctx)
    outcome = tour.imported
    print(file=ctx.stdout)
    ctx.say(
        _("2. Fiducia reciproca: impronta dell'ufficio {office}, impronta del portatile {device}."),
        office=tour.office_fingerprint,
        device=tour.device_fingerprint,
    )
    ctx.say(_("3. Pacchetto firmato e cifrato per l'ufficio: {bundle}"), bundle=tour.bundle)
    ctx.say(
        ngettext(
            "4. Importato nell'ufficio ({office_path}, stessa passphrase): {message} "
            "L'ufficio ora ha {families} famiglia.",
            "4. Importato nell'ufficio ({office_path}, stessa passphrase): {message} "
            "L'ufficio ora ha {families} famiglie.",
            tour.office_families,
        ),
        office_path=tour.office_path,
        message=outcome.message,
        families=tour.office_families,
    )
    ctx.say(
        _("5. Relazione di percorso della famiglia {code} stampata: {report}"),
        code=tour.report_family_code,
        report=tour.report,
    )
    return EXIT_OK if outcome.status == "applied" else EXIT_INTERNAL


def _explicit_lang(args: argparse.Namespace) -> Lang | None:
    """The language asked for on this run (--lang or PIPPI_LANG); None: the saved setting."""
    chosen = getattr(args, "lang", None) or os.environ.get("PIPPI_LANG")
    return parse_lang(chosen) if chosen else None


def launch_application(args: argparse.Namespace, ctx: CliContext) -> int:
    """`pippi-desktop` without a command. Qt is imported only here, lazily (gui/app.py)."""
    if args.screenshot:
        from pippi_desktop.gui.app import take_screenshots

        return take_screenshots(args.screenshot, lang=ctx.lang)
    if not has_display():
        return run_headless_demo(ctx)
    if args.demo:
        from pippi_desktop.services.demo_data import fill_demo_data  # Faker: only for the demo
        from pippi_desktop.services.demo_service import create_demo_workspace

        demo = create_demo_workspace()
        fill_demo_data(demo.workspace, DEMO_FAMILIES)
        ctx.say(
            _(
                "Area di lavoro dimostrativa in {path}\nPassphrase (serve dopo il blocco): "
                "{passphrase}"
            ),
            path=demo.path,
            passphrase=demo.passphrase,
        )
        from pippi_desktop.gui.app import run_demo_window

        return run_demo_window(demo, lang=_explicit_lang(args))
    from pippi_desktop.gui.app import run_window

    return run_window(lang=_explicit_lang(args))
