package io.parley.bench.messages;

/**
 * One contact pair of the message load: the sender's device on one signaling instance, the recipient's on the
 * other, and the contact id both send to.
 */
record Conversation(PeopleClient.SignedIn sender, PeopleClient.SignedIn recipient, String contactId,
        UserSocket senderSocket, UserSocket recipientSocket) {
}
