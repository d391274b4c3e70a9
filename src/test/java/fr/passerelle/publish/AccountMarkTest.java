package fr.passerelle.publish;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What a kept store remembers of its account (the analysts' password may be a person's choice): the same account and
 * password match, nothing else does, and the password is not in it, nor an unsalted hash of it.
 */
class AccountMarkTest {
    @Test
    void aMarkMatchesItsAccountAndPasswordOnly() {
        String mark = ReleaseStore.accountMark("analyst", "change-me-please");
        assertTrue(ReleaseStore.sameAccount(mark, "analyst", "change-me-please"));
        assertFalse(ReleaseStore.sameAccount(mark, "analyst", "change-me-pleasE"));
        assertFalse(ReleaseStore.sameAccount(mark, "api", "change-me-please"));
        assertFalse(ReleaseStore.sameAccount("not a mark", "analyst", "change-me-please"));
        assertFalse(ReleaseStore.sameAccount("pbkdf2:zz:00", "analyst", "change-me-please"));
        assertFalse(mark.contains("change-me-please"));
        assertFalse(mark.contains(ReleaseStore.sha256("analyst:change-me-please")));
        // Salted: the same password marked twice gives two marks.
        assertNotEquals(mark, ReleaseStore.accountMark("analyst", "change-me-please"));
    }
}
