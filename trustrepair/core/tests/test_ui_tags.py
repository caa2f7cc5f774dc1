"""Design-system template tags (issue 11): icons, the gauge, and phone numbers as tel: links."""

import pytest
from django.template import Context, Template, TemplateSyntaxError

from trustrepair.core.templatetags.ui import ICONS, call_links, phone_links


def render(source, **context):
    return Template("{% load ui %}" + source).render(Context(context))


def test_every_icon_is_an_inline_svg_hidden_from_screen_readers_unless_labelled():
    for name in ICONS:
        html = render("{% icon name %}", name=name)
        assert html.startswith('<svg class="icon"') and 'aria-hidden="true"' in html
    labelled = render('{% icon "check" label=words %}', words="Done & dusted")
    assert 'role="img" aria-label="Done &amp; dusted"' in labelled
    with pytest.raises(TemplateSyntaxError):
        render('{% icon "nope" %}')


def test_the_gauge_says_the_band_in_words_and_whole_numbers():
    bands = [(0, 4, "minimal"), (5, 9, "mild"), (10, 27, "higher")]
    html = render("{% gauge 7.0 27 bands 'Mood' %}", bands=bands)
    assert 'aria-label="Mood: 7 out of 27, mild"' in html
    assert '<strong class="gauge-value">7</strong>' in html and "7.0 out" not in html


def test_phone_numbers_in_free_text_become_tel_links_and_the_rest_stays_escaped():
    html = phone_links("Mum: 07700 900123 <b>any time</b>, or +44 20 7946 0958. Not 2026 or 12:30.")
    assert '<a href="tel:07700900123">07700 900123</a>' in html
    assert '<a href="tel:+442079460958">+44 20 7946 0958</a>' in html
    assert "&lt;b&gt;" in html and "tel:2026" not in html and html.count("<a ") == 2


def test_directory_lines_link_the_number_after_call():
    html = call_links("Call 116 123, free, any time. Text SHOUT to 85258.")
    assert '<a href="tel:116123">116 123</a>' in html
    assert "tel:85258" not in html


@pytest.mark.django_db
def test_the_crisis_page_links_the_numbers_it_names(client):
    html = client.get("/help/crisis/?region=GB").content.decode()
    assert 'href="tel:116123">116 123</a>' in html


def test_the_error_summary_counts_only_fields_a_person_can_see():
    from django import forms
    from django.template.loader import render_to_string

    class BookingLike(forms.Form):
        slot = forms.CharField(widget=forms.HiddenInput)
        note = forms.CharField(required=False)
        name = forms.CharField()

    hidden_only = BookingLike({"name": "Sam"})
    hidden_only.is_valid()
    hidden_only.add_error("slot", "That time has already passed. Please choose another.")
    html = render_to_string("core/_form.html", {"form": hidden_only})
    assert "That time has already passed" in html and "highlighted" not in html

    one_visible = BookingLike({"slot": "x"})
    one_visible.is_valid()
    assert "Please check the highlighted field below." in render_to_string("core/_form.html", {"form": one_visible})
