// The configuration page of a channel, chat or meeting tab: one register, nothing to choose.
(function () {
  "use strict";
  var teams = window.microsoftTeams;
  if (!teams) { return; }
  var origin = window.location.origin;
  teams.app.initialize().then(function () {
    teams.pages.config.registerOnSaveHandler(function (ev) {
      teams.pages.config.setConfig({
        entityId: "beslutsregister",
        contentUrl: origin + "/tab?host=teams",
        websiteUrl: origin + "/tab",
        suggestedDisplayName: document.documentElement.lang === "en" ? "Decisions" : "Beslut"
      }).then(function () { ev.notifySuccess(); }, function (err) { ev.notifyFailure(String(err)); });
    });
    teams.pages.config.setValidityState(true);
  });
})();
