"""One draft, written to every format: by hand (.odt, .ofd) and by
LibreOffice from the .odt (.pdf, .doc, .rtf, .docx), once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.formats.makers import odt, ofd, soffice_convert

TITLE = "关于进一步加强作风建设的讲话"
# A draft of our own: long paragraphs (they wrap, and one runs over a page
# break), a placeholder, a typo, Latin letters and digits beside Chinese.
BODY = [
    "同志们：",
    "今天我们召开全市作风建设推进会，主要任务是深入学习贯彻党的二十大精神，总结2024年以来的作风建设工作，"
    "分析当前面临的形势，安排部署下一阶段重点任务。刚才，XX同志通报了全市作风建设情况，几个单位作了交流发言，"
    "讲得都很好，请大家认真学习借鉴。",
    "一、提高政治站位，深刻认识作风建设的重要意义",
    "作风建设永远在路上，必须常抓不懈、久久为功。" * 12 + "各级党组织要把作风建设摆在突出位置，确保各项要求落到实处。",
    "二、压实工作责任，推动作风建设落地见效",
    "各级领导干部要以身作则、率先垂范，带头转变作风，带头深入基层，带头解决难题。要坚持问题导向，"
    "聚焦群众反映强烈的突出问题，开展专项整治，让群众看到实实在在的变化。希望大家再接再励，"
    "以优良作风推动各项工作迈上新台阶。",
    "同志们，作风建设关系人心向背。让我们以更加奋发有为的精神状态，推动全市作风建设不断取得新成效。",
]
TABLE = [["单位", "责任人"], ["市纪委监委", "负责统筹协调和监督检查"]]
PARAGRAPHS = [TITLE, *BODY]  # what every format must give back (tables aside)


@pytest.fixture(scope="session")
def made(tmp_path_factory) -> dict[str, Path]:
    """The draft as .odt and .ofd (always), and lazily as LibreOffice makes
    the rest: ``made_as(fmt)``."""
    folder = tmp_path_factory.mktemp("made")
    (folder / "draft.odt").write_bytes(odt(BODY, title=TITLE, table=TABLE))
    (folder / "draft.ofd").write_bytes(ofd(BODY, title=TITLE))
    return {"odt": folder / "draft.odt", "ofd": folder / "draft.ofd", "folder": folder}


@pytest.fixture(scope="session")
def made_as(made):
    cache: dict[str, Path] = {}

    def convert(fmt: str) -> Path:
        if fmt not in cache:
            cache[fmt] = soffice_convert(made["odt"], fmt, made["folder"] / "lo")
        return cache[fmt]

    return convert
