export function Button(props) { return props.children; }
