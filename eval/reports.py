"""What every eval/ report says about the run itself, written once: the machine and how busy it was.

A figure measured on a shared machine is slower than on an idle one, so a report records the load
average at the time instead of assuming either.
"""

from __future__ import annotations

import os
import platform


def machine() -> str:
    """The CPU, and whether other jobs shared it (the 1-minute load average above the core count)."""
    load, cores = os.getloadavg()[0], os.cpu_count() or 1
    shared = f"shared with other jobs (load average {load:.1f})" if load > cores else f"load average {load:.1f}"
    return f"{platform.machine()}, {cores} CPU cores, no GPU; {shared}"
