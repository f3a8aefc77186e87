import pytest

from tests.builders import DEVICES, excluded, row_child, row_tested, status_list

SEED = "/work/shared/seed/000_6eaa401ec65efb51.txt"
SECOND_DMC = {"CHF.model": "SKU2"}
IHD = {"IHD.manufacturer": "Chameleon", "IHD.model": "IHD", "IHD.firmware": "1"}  # a child may change it
FW_INSTALLS = (30_000, 20_000, 10_812, 5_000)  # 65,812: "approximately 66,000"


def _fw(entry_id: str, target: str, installs: int, **fields) -> dict:
    return {"entry_id": entry_id, "cohort": "MOC Secure", "install_status": "Dormant", **DEVICES, **IHD,
            "CHF.firmware": "0.9", "exclusion_reason": "Firmware Upgrade", "upgrade_to": target,
            "target_fw": "N", "installs": installs, **fields}


@pytest.fixture(scope="session")
def seed_set(tmp_path_factory):
    return seed_workbooks(tmp_path_factory.mktemp("seed-set"))


def seed_workbooks(where):
    """A dataset shaped as the seed report describes it: 435 requested entries, 2
    tested Dormant entries, 002255 and 002370 under Clause 20.9 (Active), 431
    Group 2 entries, and 65,812 installations upgradable by firmware."""
    status = [
        row_tested("002254", "Dormant", installs=1200, devices=3600, **IHD),
        {**row_tested("002255", "Active", installs=800, **IHD), "dmct_status": "Covered by Dormant",
         "test_report": None, "sit_report": "SIT report 002255"},
        row_tested("002369", "Dormant", installs=900, devices=2700, **IHD, **SECOND_DMC),
        {**row_tested("002370", "Active", installs=300, **IHD, **SECOND_DMC), "dmct_status": "Covered by Dormant",
         "test_report": None, "sit_report": "SIT report 002370"},
    ]
    children = []
    for k in range(431):
        second = k % 2
        children.append(row_child(f"{3001 + k:06d}", "002369" if second else "002254", "Dormant",
                                  installs=10 + k, **{"IHD.manufacturer": "Chameleon", "IHD.model": f"IHD {k}",
                                                      "IHD.firmware": "1"}, **(SECOND_DMC if second else {})))
    fw = [_fw(f"{4001 + k:06d}", "002254", n) for k, n in enumerate(FW_INSTALLS)]
    return [status_list(where / "status.xlsx", status), excluded(where / "excluded.xlsx", children + fw)]
