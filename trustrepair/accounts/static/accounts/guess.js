// Guess the time zone and the country from the browser (issue 11); the person can change both.
(function () {
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
  document.querySelectorAll("select[data-guess-zone]").forEach(function (select) {
    if (!zone || select.value) return;
    var option = Array.prototype.find.call(select.options, function (o) { return o.value === zone; });
    if (!option && zone.indexOf("/") > 0 && zone.indexOf("Etc/") !== 0) {
      option = new Option(zone.split("/").pop().replace(/_/g, " "), zone);
      select.insertBefore(option, select.firstChild);
    }
    if (option) select.value = zone;
  });
  var region = "";
  try { region = (new Intl.Locale(navigator.language)).maximize().region || ""; } catch (e) { region = ""; }
  document.querySelectorAll("select[data-guess-country]").forEach(function (select) {
    if (!region || select.value) return;
    var option = Array.prototype.find.call(select.options, function (o) { return o.value === region; });
    if (option) select.value = region;
  });
})();
