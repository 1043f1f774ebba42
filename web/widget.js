/*
 * The Backspasm Assistant chat widget: loads rasa-webchat from the same server as this script and mounts it.
 * serve.py puts window.BACKSPASM_CONFIG = {socketUrl} in front of this file; a ?socketUrl= query parameter
 * on the host page overrides it (handy for tests and demos).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var config = window.BACKSPASM_CONFIG || {};
  var override = new URLSearchParams(window.location.search).get("socketUrl");
  var socketUrl = /^https?:\/\//.test(override || "") ? override : config.socketUrl || "http://127.0.0.1:5005";

  function mount() {
    window.WebChat.default({
      socketUrl: socketUrl,
      socketPath: "/socket.io/",
      initPayload: "/greet",
      title: "Backspasm Assistant",
      subtitle: "Friendly help with back spasms. Not a doctor.",
      inputTextFieldHint: "Ask about your back...",
      connectingText: "Connecting...",
      customMessageDelay: function () { return 30; },
      showFullScreenButton: true,
      withRules: false,
      params: { storage: "local" },
    }, null);
  }

  var bundle = document.createElement("script");
  bundle.src = new URL("webchat.js", script.src).href;
  bundle.onload = mount;
  document.head.appendChild(bundle);
})();
