/*
 * The Backspasm Assistant chat widget: loads rasa-webchat from the server this script came from, and mounts it.
 * serve.py puts `window.BACKSPASM_CONFIG = {socketUrl}` in front of this file; a ?socketUrl= query parameter
 * on the host page overrides it (handy for tests and demos).
 *
 * rasa-webchat 1.0.1 renders its icon buttons without names, a message list no keyboard can reach and quick
 * replies that are plain <div>s, and images without alt text (docs/accessibility.md): `makeAccessible` mends
 * its DOM each time it renders.
 */
(function () {
  "use strict";
  const script = document.currentScript;
  const config = window.BACKSPASM_CONFIG || {};
  const override = new URLSearchParams(window.location.search).get("socketUrl") || "";
  const socketUrl = /^https?:\/\//.test(override) ? override : config.socketUrl || "http://127.0.0.1:5005";
  const NAMES = {
    ".rw-toggle-fullscreen-button": "Full screen",
    ".rw-close-button": "Close the chat",
    ".rw-send": "Send",
    ".rw-new-message": "Your message",
  };

  /** Names for the controls, a focusable live log for the messages, and quick replies that act as buttons. */
  function makeAccessible(root) {
    for (const [selector, name] of Object.entries(NAMES)) {
      root.querySelectorAll(selector).forEach((control) => control.setAttribute("aria-label", name));
    }
    const open = Boolean(root.querySelector(".rw-chat-open"));
    root.querySelectorAll(".rw-launcher").forEach((launcher) => {
      launcher.setAttribute("aria-label", open ? "Close the chat" : "Open the chat");
      launcher.setAttribute("aria-expanded", String(open));
    });
    root.querySelectorAll(".rw-messages-container").forEach((list) => {
      Object.entries({ role: "log", "aria-live": "polite", "aria-label": "Conversation", tabindex: "0" })
        .forEach(([name, value]) => list.setAttribute(name, value));
    });
    root.querySelectorAll(".rw-reply").forEach((reply) => {
      reply.setAttribute("role", "button");
      reply.setAttribute("tabindex", "0");
    });
    // The assistant sends a chart (the pain diary's) right after the line that sums it up: that line is its text.
    root.querySelectorAll("img.rw-image-frame:not([alt])").forEach((image) => {
      const texts = [...root.querySelectorAll(".rw-response .rw-message-text")]
        .filter((bubble) => bubble.compareDocumentPosition(image) & Node.DOCUMENT_POSITION_FOLLOWING);
      const summary = texts.length ? texts[texts.length - 1].innerText.trim() : "";
      image.setAttribute("alt", summary ? `Chart of your pain diary. ${summary}` : "Chart of your pain diary");
    });
  }

  const mount = document.createElement("aside");
  mount.setAttribute("aria-label", "Chat with the Backspasm Assistant");
  document.body.appendChild(mount);
  // Only added or removed nodes: the attributes set here do not wake the observer again.
  new MutationObserver(() => makeAccessible(mount)).observe(mount, { childList: true, subtree: true });
  mount.addEventListener("keydown", (event) => {
    if (event.target.matches(".rw-reply") && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      event.target.click();
    }
  });

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
  }, mount);
  document.head.appendChild(bundle);
})();
