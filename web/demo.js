/*
 * The demo page's "Forget me" button: the server deletes this browser's conversation from the tracker store,
 * then the widget's saved session is cleared so that the reloaded page starts a new conversation with a new id.
 */
(function () {
  "use strict";
  const SESSION_KEY = "chat_session"; // where rasa-webchat keeps its session id and messages
  const DONE_KEY = "backspasm_forgotten"; // tells the reloaded page to confirm the deletion
  const button = document.getElementById("forget");
  const status = document.getElementById("forget-status");

  if (window.sessionStorage.getItem(DONE_KEY)) {
    window.sessionStorage.removeItem(DONE_KEY);
    status.textContent = "Your conversation was deleted from this device and from our server.";
  }

  button.addEventListener("click", async () => {
    if (!window.confirm("Delete this conversation from this device and from our server?")) return;
    const saved = JSON.parse(window.localStorage.getItem(SESSION_KEY) || "{}");
    if (saved.session_id) {
      const response = await fetch("forget", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ session_id: saved.session_id }),
      }).catch(() => null);
      if (!response || !response.ok) {
        status.textContent = "Sorry, the server could not delete your conversation. Please try again later.";
        return;
      }
    }
    window.localStorage.removeItem(SESSION_KEY);
    window.sessionStorage.setItem(DONE_KEY, "1");
    window.location.reload();
  });
})();
