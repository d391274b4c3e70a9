// The session plans' page: its one control prints the plans, one per A4 page.
document.getElementById('print').addEventListener('click', () => window.print());
