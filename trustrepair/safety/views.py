from django.shortcuts import render

from trustrepair.core.access import public
from trustrepair.safety.resources import crisis_resources, regions


@public
def crisis(request):
    region = request.GET.get("region", "")
    known = dict(regions())
    if region not in known:
        region = request.user.region if request.user.is_authenticated else ""
    if region not in known:
        region = "US"
    return render(
        request, "safety/crisis.html", {"resources": crisis_resources(region), "regions": regions(), "region": region}
    )
