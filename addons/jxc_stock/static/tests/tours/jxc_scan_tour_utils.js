/**
 * What a keyboard-wedge scanner does: it types the code's characters into the focused field,
 * then Enter.
 */
export function scan(code) {
    return [
        {
            content: `Scan ${code}`,
            trigger: ".o_jxc_scan_input",
            run: `edit ${code}`,
        },
        {
            content: "The scanner's Enter",
            trigger: ".o_jxc_scan_input",
            run: "press Enter",
        },
    ];
}

/** The line of the form's list that shows `text` in its column `field`. */
export function row(field, text) {
    return `.o_field_one2many .o_data_row:has(td[name=${field}]:contains("${text}"))`;
}
