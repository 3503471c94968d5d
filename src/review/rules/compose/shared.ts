export { yamlLocation as at } from '../../parse/yaml.js';
