import { createDictionaryCheck } from '../../../../electron/core/password/dictionary-check';
import { describeDictionaryCheck } from '../../server/password/dictionary-check-cases';

describeDictionaryCheck('kiosk back end', createDictionaryCheck);
