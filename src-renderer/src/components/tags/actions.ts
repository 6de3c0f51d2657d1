// What can be done to a tag from the tree, and the modes of the tag edit dialog.
export type TagAction = 'open' | 'createChild' | 'rename' | 'recolor' | 'merge' | 'delete'

export type EditMode = 'create' | 'rename' | 'merge' | 'recolor'
