"""Two inputs that feel good on a phone (issue 11): a slider with its value shown, and chips.

`Slider` is a real <input type=range>: arrow keys, Page Up/Down, Home and End move it; the value is
shown beside it in an <output> and spoken through aria-valuetext ("7 of 10"), kept current by
exercises/static/exercises/slider.js. `Chips` is a group of checkboxes or radios styled as chips: the
native controls stay, so the keyboard and screen readers work as they always do.
"""

from django import forms


class Slider(forms.NumberInput):
    input_type = "range"
    template_name = "exercises/widgets/slider.html"

    def __init__(self, *, low: int = 0, high: int = 10, step: int = 1, low_label: str = "", high_label: str = ""):
        super().__init__(attrs={"min": low, "max": high, "step": step})
        self.low, self.high, self.low_label, self.high_label = low, high, low_label, high_label

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        shown = value if value not in (None, "") else (self.low + self.high) // 2
        context["widget"]["value"] = shown
        context["widget"]["attrs"]["aria-valuetext"] = f"{shown} of {self.high}"
        context["widget"]["attrs"]["data-slider-of"] = self.high
        context["widget"].update(shown=shown, low=self.low, high=self.high)
        context["widget"].update(low_label=self.low_label, high_label=self.high_label)
        return context


class ChipsMultiple(forms.CheckboxSelectMultiple):
    template_name = "exercises/widgets/chips.html"
    option_template_name = "exercises/widgets/chip_option.html"

    def __init__(self, attrs=None, choices=(), *, max_choices: int = 0):
        super().__init__(attrs, choices)
        self.max_choices = max_choices

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["max_choices"] = self.max_choices
        return context


class ChipsSingle(forms.RadioSelect):
    template_name = "exercises/widgets/chips.html"
    option_template_name = "exercises/widgets/chip_option.html"
