// The register page, for administrators: writes a capsule's legal basis and DPIA reference
// (PUT /api/register/{id}) and shows them in the row without reloading.
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  var C = window.Capsules;
  document.querySelectorAll('.register-form').forEach(function (form) {
    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      var message = form.querySelector('.form-message');
      var body = {
        legalBasis: form.elements.legalBasis.value,
        dpiaReference: form.elements.dpiaReference.value
      };
      try {
        var saved = await C.api('PUT', '/api/register/' + encodeURIComponent(form.dataset.capsule), body);
        var row = form.closest('tr');
        row.querySelector('.legal-basis > span').textContent = saved.legalBasis || 'à renseigner';
        row.querySelector('.dpia').textContent = saved.dpiaReference || 'à renseigner';
        message.textContent = 'Enregistré.';
      } catch (e) {
        message.textContent = e.message;
      }
    });
  });
});
