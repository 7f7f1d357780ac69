"""Built pages lose their template indentation, and nothing else."""

from bs4 import BeautifulSoup

from scripts.site.compact import compact

PAGE = """<html>
  <body>
    <p>Một
       đoạn <b>văn</b>
    </p>


    <pre>  code
    keeps   its
  indentation</pre>
    <script>
      var a = 1;
      var b = `x
         y`;
    </script>
    <textarea>  as typed
      here</textarea>
  </body>
</html>"""


def test_indentation_goes_and_line_breaks_stay():
    out = compact(PAGE)
    assert "\n    <p>" not in out and "\n<p>Một\nđoạn <b>văn</b>\n</p>" in out
    assert "\n\n" not in out.split("<pre>")[0]


def test_preformatted_text_scripts_and_textareas_are_left_as_they_are():
    out = compact(PAGE)
    for element in (
        "<pre>  code\n    keeps   its\n  indentation</pre>",
        "var b = `x\n         y`;",
        "<textarea>  as typed\n      here</textarea>",
    ):
        assert element in out


def test_what_a_reader_sees_is_unchanged():
    before = BeautifulSoup(PAGE, "html.parser")
    after = BeautifulSoup(compact(PAGE), "html.parser")
    assert " ".join(before.get_text().split()) == " ".join(after.get_text().split())
    assert before.find("pre").get_text() == after.find("pre").get_text()
