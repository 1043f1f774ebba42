/*
 * The Backspasm Assistant chat widget: loads rasa-webchat from the server this script came from, and mounts it.
 * serve.py puts `window.BACKSPASM_CONFIG = {socketUrl}` in front of this file; a ?socketUrl= query parameter
 * on the host page overrides it (handy for tests and demos).
 */
(function () {
  "use strict";
  const script = document.currentScript;
  const config = window.BACKSPASM_CONFIG || {};
  const override = new URLSearchParams(window.location.search).get("socketUrl") || "";
  const socketUrl = /^https?:\/\//.test(override) ? override : config.socketUrl || "http://127.0.0.1:5005";

  const bundle = document.createElement("script");
  bundle.src = new URL("webchat.js", script.src).href;
  bundle.onload = () => window.WebChat.default({
    socketUrl,
    socketPath: "/socket.io/",
    initPayload: "/greet",
    title: "Backspasm Assistant",
    subtitle: "Help with back spasms (not a doctor)",
    inputTextFieldHint: "Ask about your back...",
    connectingText: "Connecting...",
    customMessageDelay: () => 30, // rasa-webchat waits 0.8 to 3 s before each bubble by default
    showFullScreenButton: true,
    withRules: false,
    params: { storage: "local" },
  }, null);
  document.head.appendChild(bundle);
})();
