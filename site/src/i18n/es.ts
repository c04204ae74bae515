/**
 * The site's own strings in Spanish, for Spanish speakers in the United States: plain words,
 * "usted", and the terms of the Spanish seed (`cms/seed/es/README.md`): "niveles de atención",
 * "centros colaboradores", "equipo de admisiones". Typed against the English dictionary, so a
 * missing or extra key fails the type check.
 */
import type { Dictionary } from './en.ts';

/** "a, b y c": Spanish lists, with "e" before an "i" sound where ICU knows to. */
const listFormat = new Intl.ListFormat('es', { style: 'long', type: 'conjunction' });

export const es = {
  layout: {
    skipToContent: 'Saltar al contenido principal',
    preview: 'Vista previa: sin publicar. Muestra todos los cambios sin publicar, no solo los de esta entrada.',
    relatedPages: 'Páginas relacionadas',
  },

  nav: {
    label: 'Principal',
    home: 'Inicio',
    sections: {
      programs: 'Programas',
      compare: 'Comparar',
      treatments: 'Tratamientos',
      conditions: 'Trastornos',
      faq: 'Preguntas',
      contact: 'Contacto',
    },
  },

  header: {
    searchLandmark: 'Sitio',
    searchLabel: 'Buscar en el sitio',
    searchPlaceholder: 'Buscar',
    searchButton: 'Buscar',
  },

  breadcrumbs: {
    label: 'Ruta de navegación',
    home: 'Inicio',
  },

  call: {
    call: 'Llame al',
    callNumber: (phone) => `Llame al ${phone}`,
    requestACallBack: 'Pida que le llamemos',
    callAdmissions: 'Llame a admisiones',
  },

  crisis: {
    stripLabel: 'Apoyo en caso de crisis',
    inCrisis: '¿Está en crisis?',
    // 988 answers in Spanish when the caller presses 2 (the Spanish seed says the same).
    stripNote: ({ name, phone }) =>
      phone === '988'
        ? `${name}: gratuita y confidencial. Para español, marque 2.`
        : `${name}: gratuita y confidencial.`,
    callLink: (phone) => `Llame al ${phone}`,
    textLink: (phone) => `Envíe un texto al ${phone}`,
    ttyLink: (phone) => `TTY: ${phone}`,
    website: 'Sitio web',
    websiteOf: (name) => ` (${name})`,
    footerTitle: 'Ayuda ahora mismo',
    contactTitle: 'Si necesita ayuda ahora mismo',
    urgentNote:
      'Si está en crisis o piensa en el suicidio, llame al 988 ahora (para español, marque 2) o envíe un texto al 988. Si usted u otra persona está en peligro inmediato, llame al 911.',
  },

  footer: {
    // The area is a name that starts with a capital ("Condado de Orange, California"): a label reads well before it.
    serving: (area) => `Zona de servicio: ${area}`,
    explore: 'Explorar',
  },

  callToAction: {
    title: 'Hable con nuestro equipo de admisiones',
    text: '¿No está seguro de qué nivel de atención es el adecuado para usted o para un ser querido? Una llamada confidencial es la forma más fácil de averiguarlo.',
  },

  availability: {
    onSite: 'En nuestro centro',
    throughPartners: 'Con centros colaboradores',
    onSiteInline: 'en nuestro centro',
    throughPartnersInline: 'con centros colaboradores',
    onSiteHeading: (facility) => `Se ofrece en ${facility}`,
    onSiteText: (facility, level) => `${facility} ofrece ${level.toLowerCase()} en su centro.`,
    partnersHeading: 'Se ofrece con nuestros centros colaboradores',
    partnersText: (facility) =>
      `${facility} no ofrece este nivel de atención en su centro. Nuestro equipo de admisiones puede ayudarle a comunicarse con un centro colaborador.`,
    partnersCallLabel: 'Hable con nosotros',
  },

  schedule: {
    measures: {
      hoursPerWeek: {
        label: 'Horas a la semana',
        column: 'Horas a la semana',
        unit: { one: 'hora', other: 'horas' },
        per: ' a la semana',
      },
      daysPerWeek: {
        label: 'Días a la semana',
        column: 'Días a la semana',
        unit: { one: 'día', other: 'días' },
        per: ' a la semana',
      },
      hoursPerDay: {
        label: 'Horas al día',
        column: 'Horas al día',
        unit: { one: 'hora', other: 'horas' },
        per: ' al día',
      },
      durationWeeks: {
        label: 'Duración',
        column: 'Duración en semanas',
        unit: { one: 'semana', other: 'semanas' },
        per: '',
      },
    },
    upTo: (max) => `hasta ${max}`,
    settings: {
      community: 'En la comunidad',
      outpatient: 'Clínica ambulatoria',
      'day-program': 'Programa de día',
      residential: 'Residencial',
      'inpatient-medical': 'Internamiento con supervisión médica',
    },
    setting: 'Lugar de atención',
    virtualOption: 'Opción virtual',
    virtualAvailable: 'Disponible',
    virtualNotOffered: 'No se ofrece',
    variesByPerson: 'El horario varía de una persona a otra.',
  },

  levels: {
    asamLevel: (level) => `Nivel ASAM ${level}`,
    typically: (schedule) => `Por lo general: ${schedule}`,
    stepsLabel: 'Niveles de atención',
    stepDown: 'Un paso menos intensivo',
    stepUp: 'Un paso más intensivo',
  },

  modalityCategories: {
    psychotherapy: { label: 'Terapias de conversación', singular: 'Terapia de conversación' },
    'group-support': { label: 'Apoyo en grupo', singular: 'Apoyo en grupo' },
    medication: { label: 'Medicamentos', singular: 'Medicamentos' },
    family: { label: 'Apoyo familiar', singular: 'Apoyo familiar' },
  },

  faqTopics: {
    'about-iop': 'Sobre los programas ambulatorios intensivos',
    'schedule-and-time': 'Horarios y tiempo que requiere',
    therapies: 'Terapias',
    medication: 'Medicamentos',
    'getting-started': 'Cómo empezar',
    'after-treatment': 'Después del tratamiento',
  },

  entry: {
    reviewedBy: 'Revisado médicamente por',
    reviewedOn: 'el',
    updated: 'Actualizado el',
    sources: 'Fuentes',
  },

  gallery: {
    title: 'Nuestro centro',
  },

  shareCard: {
    withTitle: (title, clinic) => `“${title}”, con el nombre y el logotipo de ${clinic}.`,
    nameOnly: (clinic) => `El nombre y el logotipo de ${clinic}.`,
  },

  pagination: {
    previous: { hiddenBefore: 'Página ', visible: 'Anterior', hiddenAfter: '' },
    next: { hiddenBefore: 'Página ', visible: 'Siguiente', hiddenAfter: '' },
    page: (n) => `Página ${n}`,
  },

  home: {
    requestACallBack: 'Pida que le llamemos',
    callsAreConfidential: 'Las llamadas son confidenciales.',
    levelsTitle: 'Niveles de atención',
    levelsIntro:
      'El tratamiento de las adicciones se organiza en niveles de atención, desde la prevención hasta la atención residencial con manejo médico.',
    weProvide: (levels) =>
      ` Ofrecemos ${listFormat.format(levels)} en nuestro centro, y le ayudamos a encontrar centros colaboradores de confianza para los demás niveles.`,
    compareLevels: 'Compare los niveles de atención',
    therapiesTitle: 'Terapias',
    therapiesIntro:
      'Enfoques basados en la evidencia que un equipo de tratamiento usa para adaptar la atención a cada persona.',
    conditionsTitle: 'Trastornos que tratamos',
    questionsTitle: 'Preguntas comunes',
    allQuestions: 'Todas las preguntas frecuentes',
  },

  programs: {
    name: 'Niveles de atención',
    crumb: 'Programas',
    eyebrow: 'Programas',
    summary: (facility) =>
      `Los niveles de atención para las adicciones y la salud mental según la ASAM, desde la prevención hasta el tratamiento residencial con manejo médico, y cuáles ofrece ${facility}.`,
    lead: 'La Sociedad Estadounidense de Medicina de las Adicciones (ASAM, por sus siglas en inglés) describe el tratamiento de las adicciones en niveles de atención. Cada paso hacia arriba da más apoyo y estructura; cada paso hacia abajo da más libertad para seguir con la vida diaria.',
    compareLevels: 'Compare los niveles de atención',
    listTitle: 'Del menos al más intensivo',
  },

  program: {
    eyebrow: 'Nivel de atención',
    eyebrowWithAsam: (asamLevel) => `Nivel de atención · Nivel ASAM ${asamLevel}`,
    // "Preguntas sobre el IOP", as the Spanish seed says it; "Preguntas sobre desintoxicación médica".
    questionsAbout: (level) => `Preguntas sobre ${/^[A-Z]{2,}$/.test(level) ? `el ${level}` : level}`,
    therapiesTitle: 'Terapias en este nivel',
    conditionsTitle: 'Trastornos que se tratan',
    scheduleTitle: 'El tiempo que requiere',
    scheduleNote: 'Cifras típicas. Los programas varían de un centro de tratamiento a otro.',
    compareAll: 'Compare todos los niveles de atención',
    goalsTitle: 'En qué ayuda',
    suitedForTitle: 'Para quién es',
  },

  compare: {
    name: 'Comparar los niveles de atención',
    crumb: 'Comparar',
    eyebrow: 'Programas',
    summary:
      'Los niveles de atención para las adicciones y la salud mental, uno al lado del otro: horas a la semana, días a la semana, horas al día, duración en semanas, lugar de atención y dónde se ofrece cada uno.',
    lead: 'Cuánto tiempo suele requerir cada nivel de atención, dónde se recibe y si lo ofrecemos nosotros mismos. Las cifras son típicas; los programas varían de un centro de tratamiento a otro.',
    caption: 'Niveles de atención, del menos al más intensivo',
    scrollHint: 'En pantallas pequeñas, desplácese hacia los lados para ver todas las columnas.',
    levelColumn: 'Nivel de atención',
    settingColumn: 'Lugar de atención',
    virtualColumn: 'Opción virtual',
    onSiteColumn: 'Dónde se ofrece',
    virtualYes: 'Disponible',
    virtualNo: 'No',
    otherSchedule: (level) => `${level}, otro horario`,
    notStated: 'No se indica',
    note: (facility, throughPartners) =>
      `Una raya significa que la cifra no se indica: varía de una persona a otra o de un programa a otro. “${throughPartners}” significa que ${facility} no ofrece ese nivel en su centro, pero puede ayudarle a comunicarse con centros colaboradores de la zona.`,
  },

  treatments: {
    name: 'Tratamientos y terapias',
    crumb: 'Tratamientos',
    eyebrow: 'Tratamientos',
    summary:
      'Las terapias basadas en la evidencia que se usan para tratar las adicciones y la salud mental: terapia de grupo e individual, TCC, TDC, tratamiento asistido con medicamentos y terapia familiar.',
    lead: 'Un equipo de tratamiento elige entre varios enfoques basados en la evidencia para adaptar la atención a cada persona. Esto es lo que incluye cada uno.',
  },

  treatment: {
    eyebrow: (category) => `Tratamiento · ${category}`,
    levelsTitle: 'Niveles de atención que la usan',
    conditionsTitle: 'Trastornos que ayuda a tratar',
    benefitsTitle: 'Cómo puede ayudar',
  },

  conditions: {
    name: 'Trastornos que tratamos',
    crumb: 'Trastornos',
    eyebrow: 'Trastornos',
    summary: (facility) =>
      `Las adicciones, los trastornos de salud mental y los trastornos concurrentes que se tratan en ${facility}, y los niveles de atención y las terapias que ayudan.`,
    listTitle: 'Todos los trastornos',
  },

  condition: {
    eyebrow: 'Trastorno',
    levelsTitle: 'Niveles de atención',
    therapiesTitle: 'Terapias que ayudan',
  },

  faq: {
    name: 'Preguntas frecuentes',
    pageName: (page, last) => `Preguntas frecuentes, página ${page} de ${last}`,
    crumb: 'Preguntas frecuentes',
    eyebrow: 'Preguntas frecuentes',
    summary:
      'Respuestas sobre los programas ambulatorios intensivos, los horarios y el tiempo que requieren, las terapias, los medicamentos, cómo empezar y la vida después del tratamiento.',
    pageSummary: (page, last, topics) => `Más respuestas (página ${page} de ${last}): ${topics.join(', ')}.`,
    lead: 'Respuestas claras a las preguntas que más nos hacen. Si la suya no está aquí, llámenos: para eso estamos.',
    topicsTitle: 'Temas',
    continued: (topic) => `${topic} (continuación)`,
    paginationLabel: 'Páginas de preguntas frecuentes',
    allByTopic: 'Todas las preguntas, agrupadas por tema',
  },

  contact: {
    name: (facility) => `Comuníquese con ${facility}`,
    crumb: 'Contacto',
    eyebrow: 'Contacto',
    summary: (facility, phone, place) =>
      `Llame a ${facility} al ${phone} para hablar de forma confidencial con nuestro equipo de admisiones, o pida que le llamemos. ${place}.`,
    lead: 'Hablar con alguien es el primer paso. Las llamadas son confidenciales y no tiene ningún compromiso.',
    callTitle: 'Llame a admisiones',
    visitTitle: 'Dónde estamos',
    accreditationsTitle: 'Licencias y acreditaciones',
    licenceNumber: (number) => `, n.º ${number}`,
    validUntil: 'vigente hasta el',
    galleryTitle: 'Dentro de nuestro centro',
  },

  thanks: {
    name: 'Gracias. Le devolveremos la llamada',
    crumb: 'Gracias',
    eyebrow: 'Solicitud recibida',
    summary: (facility) =>
      `Su solicitud de llamada llegó a ${facility}. Nuestro equipo de admisiones le devolverá la llamada lo antes posible.`,
    lead: 'Gracias por comunicarse con nosotros. Nuestro equipo de admisiones recibió su solicitud y le devolverá la llamada lo antes posible.',
    callNow: 'Si prefiere no esperar, puede llamarnos ahora.',
    backHome: 'Volver a la página de inicio',
  },

  search: {
    name: 'Buscar',
    summary:
      'Busque en nuestras páginas y en las respuestas a preguntas comunes sobre programas, terapias, horarios y cómo empezar.',
    title: 'Buscar en páginas y respuestas',
    resultsTitle: 'Resultados de la búsqueda',
    formLabel: 'Páginas y respuestas',
    inputLabel: 'Qué busca',
    button: 'Buscar',
    needsJavaScript:
      'Para buscar se necesita JavaScript, que está desactivado en este navegador. Abajo están todas las páginas, y las preguntas más frecuentes agrupadas por tema.',
    resultPlaceholder: 'Resultado',
    resultCount: {
      none: 'No hay resultados para “{query}”',
      one: '1 resultado para “{query}”',
      other: '{count} resultados para “{query}”',
    },
    unavailable: 'La búsqueda no está disponible en este momento. Use las listas de abajo o llámenos.',
    faqContext: 'Preguntas frecuentes',
    browseTitle: 'Explorar',
    browseFaq: 'Preguntas por tema',
    browseAllFaq: 'Todas las preguntas',
    browsePrograms: 'Programas',
    browseAllPrograms: 'Todos los niveles de atención',
    browseTreatments: 'Tratamientos',
    browseAllTreatments: 'Todas las terapias',
    browseConditions: 'Trastornos',
    browseAllConditions: 'Todos los trastornos',
    compareLevels: 'Compare los niveles de atención',
    or: 'o',
    contactUs: 'comuníquese con nosotros',
  },

  errors: {
    notFoundName: 'No encontramos la página',
    notFoundSummary:
      'La página que buscaba no está aquí. Encuentre niveles de atención, terapias y respuestas, o llámenos.',
    notFoundEyebrow: 'Error 404',
    notFoundLead:
      'No pudimos encontrar esa página. Es posible que se haya movido. Estos son buenos lugares para continuar:',
    goneName: 'Esta página se eliminó',
    goneSummary:
      'La página que buscaba se eliminó a propósito. Encuentre niveles de atención, terapias y respuestas, o llámenos.',
    goneEyebrow: 'Error 410',
    goneLead: 'Quitamos esta página y no volverá. Estos son buenos lugares para continuar:',
    linkHome: 'Inicio',
    linkPrograms: 'Niveles de atención',
    linkTreatments: 'Tratamientos y terapias',
    linkFaq: 'Preguntas frecuentes',
    linkContact: 'Comuníquese con nosotros',
  },
} satisfies Dictionary;
