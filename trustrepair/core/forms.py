from django import forms

from trustrepair.core.names import InvalidName, clean_name


class EraseAccountForm(forms.Form):
    confirmation = forms.CharField(
        label="Type ERASE to confirm",
        max_length=10,
        help_text="This cannot be undone. Download your data first if you want to keep a copy.",
    )

    def clean_confirmation(self):
        value = self.cleaned_data["confirmation"].strip()
        if value.upper() != "ERASE":
            raise forms.ValidationError("Type the word ERASE to confirm, or leave this page to keep your account.")
        return value


class NameField(forms.CharField):
    """A name someone gives, cleaned by `core.names.clean_name`; the reason for a refusal is shown by the field."""

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return ""
        try:
            return clean_name(value)
        except InvalidName as refused:
            raise forms.ValidationError(str(refused), code="invalid_name") from refused
