from django import forms


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
