// English strings for what notes are about (issue 18): the concept chips on a note, the concept
// filter of the harvest and the "related to" hint of a suggested group. The concept names
// themselves come from the shared concept map (conceptLabel), in every interface language.
export const enConcepts = {
  concepts: {
    chips: 'About',
    filter: 'Topic',
    filterHelp: 'Notes about this topic, in any language',
    relatedTo: 'Related to: {{labels}}',
    relatedHelp: 'A close but different topic, offered as its own group',
  },
};
