import { createDictionaryCheck } from '../../../../server/services/password/dictionary-check';
import { describeDictionaryCheck } from './dictionary-check-cases';

describeDictionaryCheck('server', createDictionaryCheck);
