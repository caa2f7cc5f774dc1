from django.http import Http404
from django.shortcuts import render

from trustrepair.core.access import public
from trustrepair.core.page_cache import person_page
from trustrepair.learn import library
from trustrepair.learn.forms import SearchForm


@public
@person_page
def index(request):
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    context = {"form": form, "query": query, "topics": library.all_topics()}
    if query:
        context["hits"] = library.search(query)
    return render(request, "learn/index.html", context)


@public
@person_page
def topic(request, slug):
    page = library.topic(slug)
    if page is None:
        raise Http404("No such topic")
    previous, following = library.neighbours(slug)
    return render(request, "learn/topic.html", {"topic": page, "previous": previous, "next": following})
