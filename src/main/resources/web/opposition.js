// Sends the objection as JSON and shows the receipt (the same answer whether or not anything was held).
document.getElementById("oppose").addEventListener("submit", async (event) => {
  event.preventDefault();
  const out = document.getElementById("receipt");
  const response = await fetch("/api/opposition", {
    method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ url: document.getElementById("url").value }),
  });
  const body = await response.json();
  out.textContent = response.ok
    ? `Reçu / Receipt ${body.receipt} (${body.at}). Rien de ce qui a été tiré de cette page n'est conservé ; elle ne sera plus collectée. / ${body.effect}`
    : `${body.error}${body.allowed ? " : " + body.allowed : ""}`;
  out.dataset.receipt = response.ok ? body.receipt : "";
});
