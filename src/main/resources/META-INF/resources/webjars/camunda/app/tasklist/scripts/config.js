// Tasklist of the e-gov workflow: Kazakh, Russian and English; the language is chosen in the header
// (scripts/egov-language.js) or, until then, taken from the browser. Camunda's defaults otherwise.
export default {
  locales: {
    availableLocales: ['kk', 'ru', 'en'],
    // a browser in another language gets Russian, which every clerk reads
    fallbackLocale: 'ru'
  },
  customScripts: ['scripts/egov-language'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
