import { installIamMatchers } from 'iamspec/vitest';

installIamMatchers();
