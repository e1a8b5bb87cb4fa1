// The language switch of the webapps (Қазақша / Русский / English), remembered in this browser.
// Camunda picks the first of the browser's languages it offers (navigator.languages) while it starts, so the
// choice stands in for the browser's languages before the application starts; changing it reloads the page.
const KEY = 'egov-locale';
const LANGUAGES = [['kk', 'Қазақша'], ['ru', 'Русский'], ['en', 'English']];

const chosen = window.localStorage.getItem(KEY);
if (LANGUAGES.some(([code]) => code === chosen)) {
  Object.defineProperty(window.navigator, 'languages', {value: [chosen], configurable: true});
  Object.defineProperty(window.navigator, 'language', {value: chosen, configurable: true});
}

export default {
  id: 'egov-language',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: (node) => {
    const current = (window.navigator.languages && window.navigator.languages[0] || window.navigator.language || '')
      .split('-')[0].toLowerCase();
    const select = document.createElement('select');
    select.id = 'egov-language';
    select.className = 'form-control input-sm';
    select.title = 'Тіл / Язык / Language';
    select.setAttribute('aria-label', 'Тіл / Язык / Language');
    select.style.marginTop = '8px';
    select.style.width = 'auto';
    for (const [code, name] of LANGUAGES) {
      const option = document.createElement('option');
      option.value = code;
      option.textContent = name;
      option.selected = code === current;
      select.appendChild(option);
    }
    select.addEventListener('change', () => {
      window.localStorage.setItem(KEY, select.value);
      window.location.reload();
    });
    node.appendChild(select);
  }
};
