"""`rounds teams package`: a zip Teams accepts (manifest with the bot id and valid domain, a
192×192 colour and a 32×32 outline PNG drawn here), and a clear error without a bot id."""

from __future__ import annotations

import json
import struct
import zipfile
import zlib

from bot.cli import main

APP_ID = "11111111-2222-3333-4444-555555555555"


def _png_info(data: bytes) -> tuple[int, int, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert (depth, colour) == (8, 6)
    idat_length = struct.unpack(">I", data[33:37])[0]
    pixels = zlib.decompress(data[41:41 + idat_length])
    assert len(pixels) == height * (1 + 4 * width)
    return width, height, pixels


def test_package_has_manifest_and_icons(tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text(f'[teams]\napp_id = "{APP_ID}"\napp_password = "pw"\n'
                      '[practice]\nnames = ["Lakeside Cardiology"]\nurls = ["https://lakeside.example.org/"]\n')
    output = tmp_path / "rounds-teams.zip"
    assert main(["--config", str(config), "teams", "package", "--domain", "https://rounds.lakeside.example.org/api",
                 "--output", str(output)]) == 0
    with zipfile.ZipFile(output) as archive:
        assert sorted(archive.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(archive.read("manifest.json"))
        color, outline = archive.read("color.png"), archive.read("outline.png")
    assert manifest["bots"][0]["botId"] == APP_ID and manifest["id"] == APP_ID
    assert manifest["validDomains"] == ["rounds.lakeside.example.org"]
    assert set(manifest["bots"][0]["scopes"]) == {"personal", "team"}
    assert manifest["icons"] == {"color": "color.png", "outline": "outline.png"}
    assert _png_info(color)[:2] == (192, 192)
    width, height, pixels = _png_info(outline)
    assert (width, height) == (32, 32)
    alphas = {pixels[row * 129 + 1 + col * 4 + 3] for row in range(32) for col in range(32)}
    rgb = {pixels[row * 129 + 1 + col * 4: row * 129 + 4 + col * 4] for row in range(32) for col in range(32)
           if pixels[row * 129 + 1 + col * 4 + 3]}
    assert alphas == {0, 255} and rgb == {b"\xff\xff\xff"}, "outline: white on transparent"


def test_package_without_a_bot_id_names_the_key(tmp_path, capsys):
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    assert main(["--config", str(empty), "teams", "package", "--domain", "x.example.org",
                 "--output", str(tmp_path / "p.zip")]) != 0
    assert "teams.app_id" in capsys.readouterr().err
