// The browser's file chooser lives in the shell (one hidden <input type=file>, always in the page,
// so files can be chosen from any view); views open it through here.
let input: HTMLInputElement | null = null

export function registerFileInput(el: HTMLInputElement | null): void {
  input = el
}

export function openFilePicker(): void {
  input?.click()
}
