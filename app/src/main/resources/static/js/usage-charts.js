// Draws the usage dashboard's charts from GET /api/usage (the figures of the tables on the page).
// Without JavaScript, or if Chart.js fails to load, the tables remain: they are the reference.
(function () {
  "use strict";

  const months = document.getElementById("chart-months");
  if (!months || typeof window.Chart === "undefined") {
    return;
  }
  const palette = { questions: "#000091", drafts: "#6a6af4", validated: "#18753c", energy: "#b34000" };
  const number = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

  function chart(canvas, type, labels, datasets, indexAxis) {
    canvas.textContent = "";
    return new window.Chart(canvas, {
      type: type,
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: indexAxis || "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: "fr-FR",
        plugins: {
          legend: { position: "bottom" },
          tooltip: { callbacks: { label: (c) => c.dataset.label + " : " + number.format(c.parsed[indexAxis === "y" ? "x" : "y"]) } }
        },
        scales: { x: { beginAtZero: true }, y: { beginAtZero: true } }
      }
    });
  }

  fetch(months.dataset.source, { headers: { Accept: "application/json" }, credentials: "same-origin" })
    .then((response) => {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    })
    .then((report) => {
      const labels = report.byMonth.map((m) => m.label);
      chart(months, "bar", labels, [
        { label: "Questions", data: report.byMonth.map((m) => m.questions), backgroundColor: palette.questions },
        { label: "Brouillons", data: report.byMonth.map((m) => m.drafts), backgroundColor: palette.drafts },
        { label: "Brouillons validés", data: report.byMonth.map((m) => m.validated), backgroundColor: palette.validated }
      ]);
      chart(document.getElementById("chart-energy"), "line", labels, [
        { label: "Énergie estimée (Wh)", data: report.byMonth.map((m) => m.energyWh), borderColor: palette.energy,
          backgroundColor: palette.energy, tension: 0 }
      ]);
      chart(document.getElementById("chart-capsules"), "bar", report.byCapsule.map((c) => c.label), [
        { label: "Énergie estimée (Wh)", data: report.byCapsule.map((c) => c.energyWh), backgroundColor: palette.energy }
      ], "y");
      document.querySelector(".charts").dataset.drawn = "true";
    })
    .catch((error) => {
      const note = document.createElement("p");
      note.className = "notice";
      note.setAttribute("role", "status");
      note.textContent = "Graphiques indisponibles (" + error.message + ") : les tableaux ci-dessous donnent les mêmes chiffres.";
      document.querySelector(".charts").appendChild(note);
    });
})();
