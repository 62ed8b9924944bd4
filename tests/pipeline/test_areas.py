"""Area filters as users write them: bbox and near parsed into areas, bad values coded (CL-E230, CL-E231)."""

from __future__ import annotations

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.model.area import Box, Circle, covering_km, km_between
from conflictlens.pipeline.areas import areas_of


def test_both_forms_parse() -> None:
    assert areas_of(" 60.5, 29.4 ,75,38.5", "34.53,69.17,25") == (Box(60.5, 29.4, 75, 38.5), Circle(34.53, 69.17, 25))
    assert areas_of(None, None) == () and areas_of("170,-20,-170,-10") == (Box(170, -20, -170, -10),)


@pytest.mark.parametrize("bbox", ["60,29,75", "60,29,75,38,1", "a,b,c,d", "60,39,75,38", "60,-91,75,38", "181,0,1,1",
                                  "inf,0,1,1", ""])
def test_a_bad_box_is_coded(bbox: str) -> None:
    with pytest.raises(ConflictLensError) as caught:
        areas_of(bbox=bbox or ",,,")
    assert caught.value.code == "CL-E230" and caught.value.subject == "bbox"


@pytest.mark.parametrize("near", ["34,69", "34,69,0", "34,69,-1", "91,69,5", "34,181,5", "nan,69,5", "34,69,30000"])
def test_a_bad_circle_is_coded(near: str) -> None:
    with pytest.raises(ConflictLensError) as caught:
        areas_of(near=near)
    assert caught.value.code == "CL-E231" and caught.value.subject == "near"


def test_distances_and_the_circle_around_a_box() -> None:
    assert km_between(0, 0, 0, 1) == pytest.approx(111.195, abs=0.01)  # a degree of the equator
    assert km_between(34.53, 69.17, 34.53, 69.17) == 0
    box = Box(60.5, 29.4, 75, 38.5)
    radius = covering_km(box)
    lat, lon = box.centre()
    edge = [(y, box.west + (box.east - box.west) * i / 50) for y in (box.south, box.north) for i in range(51)]
    edge += [(box.south + (box.north - box.south) * i / 50, x) for x in (box.west, box.east) for i in range(51)]
    assert max(km_between(lat, lon, y, x) for y, x in edge) <= radius
    assert Box(170, -20, -170, -10).centre() == (-15.0, 180.0) and covering_km(Box(-100, 0, 100, 1)) is None
