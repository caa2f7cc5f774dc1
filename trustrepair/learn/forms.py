from django import forms


class SearchForm(forms.Form):
    q = forms.CharField(label="Search the library", max_length=100, required=False)
