"""The region's logo on the title page: embedded in ODT and DOCX as
python3-odf, python3-docx and LibreOffice read it, valid against the ODF 1.3
and ECMA-376 schemas (DrawingML included), kept when LibreOffice saves
again, the same bytes twice, and every bad logo refused with
file:line:column before anything is written.

tests/data/logo.png (300 x 120 pixels) and tests/data/logo.jpg (160 x 160,
progressive) were rendered once with poppler's pdftoppm from a small PDF;
tests/data/logo-gif.png is a 1 x 1 GIF under a PNG name."""

from common import *

import json
import struct
import zlib

import jsonschema
import odf.draw
import odf.svg
import odf.opendocument
from docx.shared import Emu

DATA = os.path.join(ROOT, "tests", "data")
PNG = os.path.join(DATA, "logo.png")
JPEG = os.path.join(DATA, "logo.jpg")
MINI_LINES = len(open(MINI_REGION, encoding="utf-8").read().splitlines())
# 'logo:' is the region's last line; its value starts in column 7.
LOGO_LINE, LOGO_COLUMN = MINI_LINES + 1, 7
EMU_PER_CM = 360000


def region_dir(name, value, files=()):
    """A folder with the mini region plus 'logo: value' and the files
    (source, name in the folder) beside it; returns the region's path."""
    d = os.path.join(TMP, name)
    os.makedirs(d)
    for src, dst in files:
        os.makedirs(os.path.dirname(os.path.join(d, dst)), exist_ok=True)
        shutil.copy(src, os.path.join(d, dst))
    path = os.path.join(d, "regio.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(open(MINI_REGION, encoding="utf-8").read() + f"logo: {value}\n")
    return path


def generated(name, value, files):
    return generate(region_dir(name, value, files), os.path.join(TMP, name, "uit"),
                    model=MINI_MODEL, formats="odt,docx")


def odt_logo(path):
    """The one draw:frame of the ODT and the picture it shows, by odfpy."""
    doc = odf.opendocument.load(path)
    frames = doc.getElementsByType(odf.draw.Frame)
    assert len(frames) == 1, f"{path}: {len(frames)} frames"
    images = frames[0].getElementsByType(odf.draw.Image)
    assert len(images) == 1
    href = images[0].getAttribute("href")
    _, data, media_type = doc.Pictures[href]  # media type from the manifest
    return frames[0], href, media_type, data


def docx_logo(path):
    """The one inline picture of the DOCX, its part, and the paragraph
    style it stands in, by python3-docx."""
    d = docx.Document(path)
    assert len(d.inline_shapes) == 1, f"{path}: {len(d.inline_shapes)} pictures"
    shape = d.inline_shapes[0]
    rid = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
    part = d.part.related_parts[rid]
    index = next(i for i, p in enumerate(d.paragraphs) if p._p.xpath(".//w:drawing"))
    return shape, part, d.paragraphs[index].style.name, index


def check_embedded(files, source, media_type, ext, width_cm, height_cm):
    data = open(source, "rb").read()
    frame, href, odt_type, odt_data = odt_logo(files["odt"])
    assert href == f"Pictures/logo.{ext}" and odt_type == media_type, (href, odt_type)
    assert odt_data == data
    assert frame.getAttribute("anchortype") == "as-char"
    assert (frame.getAttribute("width"), frame.getAttribute("height")) == \
        (f"{width_cm:g}cm", f"{height_cm:g}cm")
    with zipfile.ZipFile(files["odt"]) as z:
        info = z.getinfo(href)
        assert info.compress_type == zipfile.ZIP_STORED
        content = z.read("content.xml").decode()
        # The logo's paragraph comes before the title's.
        assert content.index('text:style-name="Logo"><draw:frame') < \
            content.index('text:style-name="Title"')
    shape, part, style, index = docx_logo(files["docx"])
    assert part.blob == data and part.content_type == media_type
    assert part.partname == f"/word/media/logo.{ext}"
    assert (shape.width, shape.height) == \
        (Emu(round(width_cm * EMU_PER_CM)), Emu(round(height_cm * EMU_PER_CM)))
    assert style == "Logo" and index == 0, (style, index)
    # The same description for a screen reader, the region's name escaped.
    region = load_yaml(MINI_REGION)["regio"]
    desc = frame.getElementsByType(odf.svg.Desc)
    assert [teletype.extractText(d) for d in desc] == [f"Logo {region}"]
    assert shape._inline.docPr.get("descr") == f"Logo {region}"
    with zipfile.ZipFile(files["docx"]) as z:
        types = z.read("[Content_Types].xml").decode()
    assert f'<Default Extension="{ext}" ContentType="{media_type}"/>' in types


png, jpeg = {}, {}


@test
def a_png_logo_is_in_both_formats_at_2_cm_high():
    png.update(generated("png", "logo.png", [(PNG, "logo.png")]))
    # 300 x 120 pixels: 2 cm high, 5 cm wide.
    check_embedded(png, PNG, "image/png", "png", 5, 2)


@test
def a_jpeg_logo_in_a_folder_below_is_in_both_formats():
    jpeg.update(generated("jpeg", "beelden/logo.jpg", [(JPEG, "beelden/logo.jpg")]))
    # 160 x 160 pixels: a 2 cm square.
    check_embedded(jpeg, JPEG, "image/jpeg", "jpeg", 2, 2)


@test
def documents_with_a_logo_pass_the_odf_and_ecma_schemas():
    for name, files in (("png", png), ("jpeg", jpeg)):
        check_odf_schema(files["odt"], f"schema-odt-{name}")
        check_docx_schema(files["docx"], f"schema-docx-{name}")


@test
def the_schema_check_reads_the_drawing():
    """A wrong element inside pic:pic fails check_docx_schema: the DrawingML
    schemas are applied, not skipped."""
    bad = os.path.join(TMP, "kapot.docx")
    with zipfile.ZipFile(png["docx"]) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<pic:spPr>", b"<pic:vorm/><pic:spPr>")
                assert b"<pic:vorm/>" in data
            dst.writestr(info, data)
    try:
        check_docx_schema(bad, "schema-kapot")
    except AssertionError as e:
        assert "vorm" in str(e), e
    else:
        raise AssertionError("het schema liet een onbekend element in pic:pic door")


@test
def libreoffice_shows_one_picture_on_page_one_of_each():
    for name, files, size in (("png", png, (300, 120)), ("jpeg", jpeg, (160, 160))):
        pages = {}
        for fmt in ("odt", "docx"):
            pdf = soffice_convert(files[fmt], "pdf", os.path.join(TMP, f"pdf-{name}-{fmt}"))
            listing = subprocess.run(["pdfimages", "-list", "-f", "1", "-l", "1", pdf],
                                     capture_output=True, text=True, check=True).stdout
            rows = [r.split() for r in listing.splitlines()[2:]]
            assert len(rows) == 1, f"{name} {fmt}: {listing}"
            assert (int(rows[0][3]), int(rows[0][4])) == size, listing
            later = subprocess.run(["pdfimages", "-list", "-f", "2", pdf],
                                   capture_output=True, text=True, check=True).stdout
            assert len(later.splitlines()) == 2, f"{name} {fmt}: beelden na pagina 1"
            pages[fmt] = pdf_pages(pdf)
        assert pages["odt"] == pages["docx"], pages


def cm(length):
    """An ODF length ("5cm", "1.9689in") in centimetres."""
    value, unit = re.fullmatch(r"([0-9.]+)(cm|mm|in)", length).groups()
    return float(value) * {"cm": 1, "mm": 0.1, "in": 2.54}[unit]


@test
def libreoffice_keeps_the_logo_when_it_saves_again():
    data = open(PNG, "rb").read()
    odt = soffice_convert(png["odt"], "odt", os.path.join(TMP, "opnieuw-odt"))
    frame, _, media_type, odt_data = odt_logo(odt)
    assert odt_data == data and media_type == "image/png"
    assert abs(cm(frame.getAttribute("width")) - 5) < 0.05, frame.getAttribute("width")
    assert abs(cm(frame.getAttribute("height")) - 2) < 0.05, frame.getAttribute("height")
    shape, part, style, index = docx_logo(soffice_convert(png["docx"], "docx",
                                                  os.path.join(TMP, "opnieuw-docx")))
    assert part.blob == data and part.content_type == "image/png"
    assert abs(shape.width - 5 * EMU_PER_CM) < EMU_PER_CM / 20, shape.width
    assert abs(shape.height - 2 * EMU_PER_CM) < EMU_PER_CM / 20, shape.height
    assert (style, index) == ("Logo", 0)


@test
def the_same_input_gives_the_same_bytes():
    region = region_dir("twee-keer", "logo.png", [(PNG, "logo.png")])
    runs = [generate(region, os.path.join(TMP, f"twee-keer-{i}"), model=MINI_MODEL,
                     formats="odt,docx") for i in range(2)]
    for fmt in ("odt", "docx"):
        a, b = (open(r[fmt], "rb").read() for r in runs)
        assert a == b, f"{fmt} verschilt tussen twee runs"


@test
def without_a_logo_there_is_no_picture():
    files = generate(MINI_REGION, os.path.join(TMP, "zonder"), model=MINI_MODEL,
                     formats="odt,docx")
    for fmt in ("odt", "docx"):
        with zipfile.ZipFile(files[fmt]) as z:
            names = z.namelist()
            assert not any(n.startswith(("Pictures/", "word/media/")) for n in names), names
    assert len(docx.Document(files["docx"]).inline_shapes) == 0
    assert 'Pictures/' not in odt_member(files["odt"], "META-INF/manifest.xml").decode()


def refused(name, value, files, message):
    """genereer and controleer both exit 2 with message at the value of
    'logo:', and genereer writes nothing."""
    region = region_dir(name, value, files)
    out = os.path.join(TMP, name, "uit")
    where = f"{region}:{LOGO_LINE}:{LOGO_COLUMN}: fout: "
    for args in (("genereer", region, "--model", MINI_MODEL, "-o", out),
                 ("controleer", region, "--model", MINI_MODEL)):
        p = run(*args)
        assert p.returncode == 2, f"{args[0]}: {p.returncode}\n{p.stderr}"
        assert where + message in p.stderr, p.stderr
        assert not os.path.exists(out), os.listdir(out)


@test
def a_gif_under_a_png_name_is_refused():
    refused("gif", "logo.png", [(os.path.join(DATA, "logo-gif.png"), "logo.png")],
            "logo 'logo.png' is geen PNG- of JPEG-bestand")


@test
def a_text_file_under_a_png_name_is_refused():
    text = os.path.join(TMP, "tekst.png")
    with open(text, "w") as f:
        f.write("Dit is geen plaatje.\n")
    refused("tekst", "logo.png", [(text, "logo.png")],
            "logo 'logo.png' is geen PNG- of JPEG-bestand")


@test
def a_file_over_2_mb_is_refused():
    big = os.path.join(TMP, "groot.png")
    with open(big, "wb") as f:
        head = open(PNG, "rb").read()
        f.write(head + b"\0" * (3 * 1024 * 1024 - len(head)))
    refused("groot", "logo.png", [(big, "logo.png")],
            "logo 'logo.png' is 3,0 MB; een logo mag ten hoogste 2 MB zijn")


@test
def a_missing_file_is_refused():
    refused("weg", "logo.png", [], "logo 'logo.png' kan niet worden geopend: ")


@test
def a_folder_is_refused():
    region = region_dir("map", "beelden", [(PNG, "beelden/logo.png")])
    out = os.path.join(TMP, "map", "uit")
    p = run("genereer", region, "--model", MINI_MODEL, "-o", out)
    assert p.returncode == 2, p.stderr
    assert f"{region}:{LOGO_LINE}:{LOGO_COLUMN}: fout: logo 'beelden' is een map, geen bestand" \
        in p.stderr, p.stderr
    assert not os.path.exists(out)


@test
def a_path_outside_the_region_folder_is_refused():
    refused("absoluut", PNG, [], f"logo '{PNG}' is een absoluut pad")
    refused("erboven", "../logo.png", [], "logo '../logo.png' wijst buiten de map")
    refused("erboven2", "beelden/../../logo.png", [],
            "logo 'beelden/../../logo.png' wijst buiten de map")


def png_header(width, height):
    """A PNG signature and IHDR claiming width x height: all the loader
    reads before refusing the size."""
    ihdr = struct.pack(">II5B", width, height, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", 13) + b"IHDR" + ihdr
    return b"\x89PNG\r\n\x1a\n" + chunk + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))


@test
def pixel_sizes_out_of_bounds_are_refused():
    for name, (w, h), message in (
            ("reus", (9000, 100), "logo 'logo.png' is 9000 bij 100 pixels"),
            ("sliert", (2100, 100), "logo 'logo.png' is 2100 bij 100 pixels: te smal")):
        src = os.path.join(TMP, name + ".png")
        with open(src, "wb") as f:
            f.write(png_header(w, h))
        refused(name, "logo.png", [(src, "logo.png")], message)


@test
def the_json_schema_takes_a_relative_logo_and_refuses_the_rest():
    schema = json.loads(run("schema").stdout)
    v = jsonschema.validators.validator_for(schema)(schema["properties"]["logo"])
    assert v.is_valid("logo.png") and v.is_valid("beelden/logo.jpg")
    assert not v.is_valid("/srv/logo.png") and not v.is_valid("../logo.png")


summary()
