<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About SecureMailMerge</source>
        <translation>Über SecureMailMerge</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Hosts the app contacts</source>
        <translation>Hosts, die die App kontaktiert</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>License: {state}</source>
        <translation>Lizenz: {state}</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>Methoden</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>SecureMailMerge {version}</source>
        <translation>SecureMailMerge {version}</translation>
    </message>
    <message>
        <source>Tenant configuration: {where}</source>
        <translation>Mandantenkonfiguration: {where}</translation>
    </message>
    <message>
        <source>The app contacts only these hosts, over HTTPS on port {port}:</source>
        <translation>Die App verbindet sich nur mit diesen Hosts, über HTTPS auf Port {port}:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>none: the app works offline only</source>
        <translation>keine: die App arbeitet nur offline</translation>
    </message>
</context>
<context>
    <name>AccountStep</name>
    <message>
        <source>A shared mailbox:</source>
        <translation>Ein freigegebenes Postfach:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Messages go out from {address}.</source>
        <translation>Nachrichten werden von {address} gesendet.</translation>
    </message>
    <message>
        <source>My own mailbox</source>
        <translation>Mein eigenes Postfach</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Permissions asked of Microsoft 365</source>
        <translation>Bei Microsoft 365 angefragte Berechtigungen</translation>
    </message>
    <message>
        <source>Send from</source>
        <translation>Senden von</translation>
    </message>
    <message>
        <source>Shared mailbox address</source>
        <translation>Adresse des freigegebenen Postfachs</translation>
    </message>
    <message>
        <source>Sign in to see the address messages go out from.</source>
        <translation>Melden Sie sich an, um die Absenderadresse zu sehen.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Signed-in mailbox</source>
        <translation>Angemeldetes Postfach</translation>
    </message>
    <message>
        <source>Stay signed in on this computer</source>
        <translation>Auf diesem Computer angemeldet bleiben</translation>
    </message>
    <message>
        <source>This account has no mailbox to send from.</source>
        <translation>Dieses Konto hat kein Postfach, aus dem gesendet werden kann.</translation>
    </message>
    <message>
        <source>Use this mailbox</source>
        <translation>Dieses Postfach verwenden</translation>
    </message>
    <message>
        <source>You can open recipients, write the message and preview it without signing in. Sign in to use Outlook contacts and to send.</source>
        <translation>Sie können Empfänger öffnen, die Nachricht schreiben und in der Vorschau ansehen, ohne sich anzumelden. Melden Sie sich an, um Outlook-Kontakte zu verwenden und zu senden.</translation>
    </message>
    <message>
        <source>sales@contoso.com</source>
        <translation>vertrieb@contoso.com</translation>
    </message>
</context>
<context>
    <name>AddressBook</name>
    <message>
        <source>{source} has no contact folder {folder!r}. Its folders are: {folders} (/ is Contacts).</source>
        <translation>{source}: Es gibt keinen Kontaktordner {folder!r}. Vorhandene Ordner: {folders} (/ ist „Kontakte“).</translation>
    </message>
    <message>
        <source>{value!r} does not say which address to use: write first, all, a number such as 2, or a domain such as @example.com.</source>
        <translation>{value!r} gibt nicht an, welche Adresse verwendet werden soll: Schreiben Sie first, all, eine Zahl wie 2 oder eine Domäne wie @example.com.</translation>
    </message>
</context>
<context>
    <name>Addresses</name>
    <message>
        <source>it contains a line break</source>
        <translation>sie enthält einen Zeilenumbruch</translation>
    </message>
    <message>
        <source>it contains characters that reverse the direction of the text, which can hide what it says</source>
        <translation>sie enthält Zeichen, die die Schreibrichtung umkehren und so verbergen können, was dort steht</translation>
    </message>
    <message>
        <source>it has no @ sign</source>
        <translation>sie hat kein @-Zeichen</translation>
    </message>
    <message>
        <source>it is an Exchange directory (X.500) name, not an internet address; export the contact again with its SMTP address</source>
        <translation>es ist ein Exchange-Verzeichnisname (X.500), keine Internetadresse; exportieren Sie den Kontakt erneut mit seiner SMTP-Adresse</translation>
    </message>
    <message>
        <source>it is not written like an email address</source>
        <translation>sie ist nicht wie eine E-Mail-Adresse geschrieben</translation>
    </message>
    <message>
        <source>its domain mixes letters of several scripts ({scripts}), which can imitate another domain</source>
        <translation>ihre Domain mischt Buchstaben mehrerer Schriften ({scripts}) und kann so eine andere Domain nachahmen</translation>
    </message>
    <message>
        <source>its name “{name}” is itself another address; the message goes to {address}</source>
        <translation>ihr Name „{name}“ ist selbst eine andere Adresse; die Nachricht geht an {address}</translation>
    </message>
    <message>
        <source>the name before the address contains a control character</source>
        <translation>der Name vor der Adresse enthält ein Steuerzeichen</translation>
    </message>
    <message>
        <source>the part after the @ sign is not a valid domain</source>
        <translation>der Teil nach dem @-Zeichen ist keine gültige Domäne</translation>
    </message>
    <message>
        <source>the part before the @ sign is not valid</source>
        <translation>der Teil vor dem @-Zeichen ist ungültig</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>The file “{name}” does not exist in the folder {base}.</source>
        <translation>Die Datei „{name}“ ist im Ordner {base} nicht vorhanden.</translation>
    </message>
    <message>
        <source>The file “{name}” lies outside the folder {base}.</source>
        <translation>Die Datei „{name}“ liegt außerhalb des Ordners {base}.</translation>
    </message>
    <message>
        <source>The folder {base} for attachments does not exist.</source>
        <translation>Der Ordner {base} für Anlagen ist nicht vorhanden.</translation>
    </message>
    <message>
        <source>“{name}” in the folder {base} is not a file.</source>
        <translation>„{name}“ im Ordner {base} ist keine Datei.</translation>
    </message>
    <message>
        <source>“{name}” is an absolute path; name it relative to the folder {base}.</source>
        <translation>„{name}“ ist ein absoluter Pfad; geben Sie ihn relativ zum Ordner {base} an.</translation>
    </message>
    <message>
        <source>“{name}” is not a usable file name.</source>
        <translation>„{name}“ ist kein verwendbarer Dateiname.</translation>
    </message>
</context>
<context>
    <name>Auth</name>
    <message>
        <source>No web browser could be opened here. Sign in with a code instead.</source>
        <translation>Hier konnte kein Webbrowser geöffnet werden. Melden Sie sich stattdessen mit einem Code an.</translation>
    </message>
    <message>
        <source>On any device, open {url} and enter the code {code} to sign in.</source>
        <translation>Öffnen Sie auf einem beliebigen Gerät {url}, und geben Sie zum Anmelden den Code {code} ein.</translation>
    </message>
    <message>
        <source>Sign-in did not complete. Return to SecureMailMerge for details.</source>
        <translation>Die Anmeldung wurde nicht abgeschlossen. Details finden Sie in SecureMailMerge.</translation>
    </message>
    <message>
        <source>Sign-in failed ({code}): {reason}</source>
        <translation>Anmeldung fehlgeschlagen ({code}): {reason}</translation>
    </message>
    <message>
        <source>Sign-in in the browser was not finished in time. Please try again.</source>
        <translation>Die Anmeldung im Browser wurde nicht rechtzeitig abgeschlossen. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled or refused in the browser: {reason}</source>
        <translation>Die Anmeldung wurde im Browser abgebrochen oder abgelehnt: {reason}</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Sign-in was declined. You can start it again when you are ready.</source>
        <translation>Die Anmeldung wurde abgelehnt. Sie können sie erneut starten, sobald Sie bereit sind.</translation>
    </message>
    <message>
        <source>The app registration lacks the redirect addresses the sign-in broker needs; ask your IT department to add them (see the README).</source>
        <translation>Der App-Registrierung fehlen die Umleitungsadressen, die der Anmeldebroker braucht; bitten Sie Ihre IT-Abteilung, sie hinzuzufügen (siehe README).</translation>
    </message>
    <message>
        <source>The sign-in broker of this computer is not available.</source>
        <translation>Der Anmeldebroker dieses Computers ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>The sign-in code expired before it was used. Start the sign-in again for a new code.</source>
        <translation>Der Anmeldecode ist abgelaufen, bevor er verwendet wurde. Starten Sie die Anmeldung erneut, um einen neuen Code zu erhalten.</translation>
    </message>
    <message>
        <source>The sign-in service did not say who signed in (no id token).</source>
        <translation>Der Anmeldedienst hat nicht mitgeteilt, wer sich angemeldet hat (kein ID-Token).</translation>
    </message>
    <message>
        <source>The sign-in service gave an answer the app cannot use.</source>
        <translation>Der Anmeldedienst hat eine Antwort gegeben, mit der die App nichts anfangen kann.</translation>
    </message>
    <message>
        <source>The sign-in service {authority} gave an answer the app cannot use: {reason}</source>
        <translation>Der Anmeldedienst {authority} hat eine Antwort gegeben, die die App nicht verwenden kann: {reason}</translation>
    </message>
    <message>
        <source>The sign-in service {host} answered with a redirect (HTTP {status}), which is refused.</source>
        <translation>Der Anmeldedienst {host} hat mit einer Weiterleitung geantwortet (HTTP {status}); sie wird abgelehnt.</translation>
    </message>
    <message>
        <source>The sign-in service {host} is not available right now (HTTP {status}). Try again later.</source>
        <translation>Der Anmeldedienst {host} ist gerade nicht verfügbar (HTTP {status}). Versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <source>This app is not registered for your organisation&apos;s tenant; ask your IT department to register it (see the README): {reason}</source>
        <translation>Diese App ist für den Mandanten Ihrer Organisation nicht registriert; bitten Sie Ihre IT-Abteilung, sie zu registrieren (siehe README): {reason}</translation>
    </message>
    <message>
        <source>This is not the sign-in answer SecureMailMerge is waiting for.</source>
        <translation>Dies ist nicht die Anmeldeantwort, auf die SecureMailMerge wartet.</translation>
    </message>
    <message>
        <source>You are not signed in. Please sign in.</source>
        <translation>Sie sind nicht angemeldet. Bitte melden Sie sich an.</translation>
    </message>
    <message>
        <source>You are signed in to SecureMailMerge. You can close this tab.</source>
        <translation>Sie sind bei SecureMailMerge angemeldet. Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <source>Your sign-in has expired or was revoked. Please sign in again ({code}).</source>
        <translation>Ihre Anmeldung ist abgelaufen oder wurde widerrufen. Bitte melden Sie sich erneut an ({code}).</translation>
    </message>
</context>
<context>
    <name>Bounces</name>
    <message>
        <source>The address does not exist (unknown recipient).</source>
        <translation>Die Adresse existiert nicht (unbekannter Empfänger).</translation>
    </message>
    <message>
        <source>The domain does not exist.</source>
        <translation>Die Domäne existiert nicht.</translation>
    </message>
    <message>
        <source>The message could not be delivered (status {code}).</source>
        <translation>Die Nachricht konnte nicht zugestellt werden (Status {code}).</translation>
    </message>
    <message>
        <source>The recipient was not found in their organisation (unknown address).</source>
        <translation>Der Empfänger wurde in seiner Organisation nicht gefunden (unbekannte Adresse).</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is full.</source>
        <translation>Das Postfach des Empfängers ist voll.</translation>
    </message>
    <message>
        <source>The recipient&apos;s server does not accept mail for this address.</source>
        <translation>Der Server des Empfängers nimmt für diese Adresse keine E-Mails an.</translation>
    </message>
    <message>
        <source>The recipient&apos;s server refused the message (status {code}).</source>
        <translation>Der Server des Empfängers hat die Nachricht abgelehnt (Status {code}).</translation>
    </message>
    <message>
        <source>Your mailbox reached its daily limit for recipients; it cannot send for a while.</source>
        <translation>Ihr Postfach hat sein Tageslimit für Empfänger erreicht und kann eine Weile nicht senden.</translation>
    </message>
    <message>
        <source>Your organisation reached its daily limit for external recipients.</source>
        <translation>Ihre Organisation hat ihr Tageslimit für externe Empfänger erreicht.</translation>
    </message>
</context>
<context>
    <name>Campaign</name>
    <message>
        <source>A scheduled campaign needs a time (--at) or a column of times.</source>
        <translation>Eine geplante Kampagne braucht eine Zeit (--at) oder eine Spalte mit Zeiten.</translation>
    </message>
    <message>
        <source>Exchange accepted the message; its copy was not yet in Sent Items when checked.</source>
        <translation>Exchange hat die Nachricht angenommen; ihre Kopie war bei der Prüfung noch nicht in „Gesendete Elemente“.</translation>
    </message>
    <message>
        <source>Marked as unsubscribed in the recipient list.</source>
        <translation>In der Empfängerliste als abgemeldet markiert.</translation>
    </message>
    <message>
        <source>Microsoft 365 could not be reached or kept throttling</source>
        <translation>Microsoft 365 war nicht erreichbar oder hat weiter gedrosselt</translation>
    </message>
    <message>
        <source>Microsoft Graph copied a draft without an id.</source>
        <translation>Microsoft Graph hat einen Entwurf ohne ID kopiert.</translation>
    </message>
    <message>
        <source>Microsoft Graph created a draft without an id.</source>
        <translation>Microsoft Graph hat einen Entwurf ohne ID erstellt.</translation>
    </message>
    <message>
        <source>Microsoft Graph opened an upload session without an address.</source>
        <translation>Microsoft Graph hat eine Upload-Sitzung ohne Adresse geöffnet.</translation>
    </message>
    <message>
        <source>No row is ready to send, so no campaign was started.</source>
        <translation>Keine Zeile ist versandbereit, daher wurde keine Kampagne gestartet.</translation>
    </message>
    <message>
        <source>Row {row} has no address to send to.</source>
        <translation>Zeile {row} hat keine Adresse, an die gesendet werden kann.</translation>
    </message>
    <message>
        <source>Left out by you.</source>
        <translation>Von Ihnen ausgelassen.</translation>
    </message>
    <message>
        <source>No row is ready to send.</source>
        <translation>Keine Zeile ist versandbereit.</translation>
    </message>
    <message>
        <source>On your do-not-contact list.</source>
        <translation>Auf Ihrer Sperrliste.</translation>
    </message>
    <message>
        <source>Paused at your request.</source>
        <translation>Auf Ihren Wunsch angehalten.</translation>
    </message>
    <message>
        <source>Paused: Exchange reports that your mailbox reached its daily limit for recipients (5.1.90). Resume the campaign tomorrow.</source>
        <translation>Angehalten: Exchange meldet, dass Ihr Postfach sein Tageslimit für Empfänger erreicht hat (5.1.90). Setzen Sie die Kampagne morgen fort.</translation>
    </message>
    <message>
        <source>Replied to ask to be unsubscribed.</source>
        <translation>Hat per Antwort um Abmeldung gebeten.</translation>
    </message>
    <message>
        <source>Row {row} is not a ready row of the list.</source>
        <translation>Zeile {row} ist keine versandbereite Zeile der Liste.</translation>
    </message>
    <message>
        <source>SecureMailMerge: attachments shared by a campaign</source>
        <translation>SecureMailMerge: gemeinsame Anhänge einer Kampagne</translation>
    </message>
    <message>
        <source>Sent with SecureMailMerge</source>
        <translation>Gesendet mit SecureMailMerge</translation>
    </message>
    <message>
        <source>The attachment {name} cannot be read: {reason}</source>
        <translation>Der Anhang {name} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>The campaign journal {file} cannot be read: {reason}</source>
        <translation>Das Kampagnenjournal {file} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>The do-not-contact file {file} cannot be read: {reason}</source>
        <translation>Die Sperrlistendatei {file} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>The recipient list has no column {column}.</source>
        <translation>Die Empfängerliste hat keine Spalte {column}.</translation>
    </message>
    <message>
        <source>Unknown mode {mode}.</source>
        <translation>Unbekannter Modus {mode}.</translation>
    </message>
    <message>
        <source>[Test]</source>
        <translation>[Test]</translation>
    </message>
    <message>
        <source>draft found in Drafts: it is completed and sent</source>
        <translation>Entwurf in „Entwürfe“ gefunden: er wird vervollständigt und gesendet</translation>
    </message>
    <message>
        <source>found in Sent Items: it was sent already</source>
        <translation>in „Gesendete Elemente“ gefunden: sie wurde bereits gesendet</translation>
    </message>
    <message>
        <source>found in the Outbox: it leaves at its scheduled time</source>
        <translation>im Postausgang gefunden: sie geht zur geplanten Zeit hinaus</translation>
    </message>
    <message>
        <source>found in the Outbox: it was accepted and is on its way</source>
        <translation>im Postausgang gefunden: sie wurde angenommen und ist unterwegs</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>no current draft: it is made again</source>
        <translation>kein aktueller Entwurf: er wird neu erstellt</translation>
    </message>
    <message>
        <source>outside the sending window</source>
        <translation>außerhalb des Sendezeitfensters</translation>
    </message>
    <message>
        <source>sent messages whose copies are still on their way to Sent Items</source>
        <translation>gesendete Nachrichten, deren Kopien noch unterwegs zu „Gesendete Elemente“ sind</translation>
    </message>
    <message>
        <source>sent, not yet confirmed</source>
        <translation>gesendet, noch nicht bestätigt</translation>
    </message>
    <message>
        <source>still a draft: its send was not accepted and is asked for again</source>
        <translation>noch ein Entwurf: sein Versand wurde nicht angenommen und wird erneut angefordert</translation>
    </message>
    <message>
        <source>the daily recipient cap is reached</source>
        <translation>das Tageslimit für Empfänger ist erreicht</translation>
    </message>
    <message>
        <source>{address} cannot be added: {reason}.</source>
        <translation>{address} kann nicht hinzugefügt werden: {reason}.</translation>
    </message>
    <message>
        <source>{file}:{row}: {address} is not an email address.</source>
        <translation>{file}:{row}: {address} ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>{folder} already holds a campaign; resume it or choose another folder.</source>
        <translation>{folder} enthält bereits eine Kampagne; setzen Sie sie fort oder wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>{folder} holds no campaign (no {file}).</source>
        <translation>{folder} enthält keine Kampagne (keine {file}).</translation>
    </message>
    <message>
        <source>{location}, column {column}: {problem}</source>
        <translation>{location}, Spalte {column}: {problem}</translation>
    </message>
    <message>
        <source>{text} is not a time like 2026-05-04 09:30.</source>
        <translation>{text} ist keine Zeitangabe wie 2026-05-04 09:30.</translation>
    </message>
</context>
<context>
    <name>CampaignFile</name>
    <message>
        <source>The campaign cannot be saved to {file}: {reason}.</source>
        <translation>Die Kampagne kann nicht unter {file} gespeichert werden: {reason}.</translation>
    </message>
    <message>
        <source>The campaign file {file} cannot be read: {reason}.</source>
        <translation>Die Kampagnendatei {file} kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>The campaign file {file} cannot be used (“{field}”): {reason}.</source>
        <translation>Die Kampagnendatei {file} kann nicht verwendet werden („{field}“): {reason}.</translation>
    </message>
    <message>
        <source>The campaign file {file} is damaged: not valid JSON at line {line}, column {column} ({reason}).</source>
        <translation>Die Kampagnendatei {file} ist beschädigt: kein gültiges JSON in Zeile {line}, Spalte {column} ({reason}).</translation>
    </message>
    <message>
        <source>The campaign file {file} was saved by a newer SecureMailMerge (format {version}); this version opens format {supported} and older. Please update SecureMailMerge to open it.</source>
        <translation>Die Kampagnendatei {file} wurde mit einem neueren SecureMailMerge gespeichert (Format {version}); diese Version öffnet Format {supported} und älter. Bitte aktualisieren Sie SecureMailMerge, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>it is missing</source>
        <translation>es fehlt</translation>
    </message>
    <message>
        <source>it must be a JSON object</source>
        <translation>es muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>it must be a list of names</source>
        <translation>es muss eine Liste von Namen sein</translation>
    </message>
    <message>
        <source>it must be a list of row numbers</source>
        <translation>es muss eine Liste von Zeilennummern sein</translation>
    </message>
    <message>
        <source>it must be a time in UTC like 2026-03-01T09:00:00Z</source>
        <translation>es muss ein Zeitpunkt in UTC wie 2026-03-01T09:00:00Z sein</translation>
    </message>
    <message>
        <source>it must be a time like 08:30</source>
        <translation>es muss eine Uhrzeit wie 08:30 sein</translation>
    </message>
    <message>
        <source>it must be a whole number from 1</source>
        <translation>es muss eine ganze Zahl ab 1 sein</translation>
    </message>
    <message>
        <source>it must be a whole number from {low} to {high}</source>
        <translation>es muss eine ganze Zahl von {low} bis {high} sein</translation>
    </message>
    <message>
        <source>it must be one character</source>
        <translation>es muss ein einzelnes Zeichen sein</translation>
    </message>
    <message>
        <source>it must be one of {modes}</source>
        <translation>es muss eines von {modes} sein</translation>
    </message>
    <message>
        <source>it must be text</source>
        <translation>es muss Text sein</translation>
    </message>
    <message>
        <source>it must be true or false</source>
        <translation>es muss true oder false sein</translation>
    </message>
    <message>
        <source>it must be “file” or “contacts”</source>
        <translation>es muss „file“ oder „contacts“ sein</translation>
    </message>
    <message>
        <source>it must not be blank</source>
        <translation>es darf nicht leer sein</translation>
    </message>
    <message>
        <source>no such text encoding</source>
        <translation>diese Textkodierung gibt es nicht</translation>
    </message>
    <message>
        <source>this field is unknown; the fields here are {keys}</source>
        <translation>dieses Feld ist unbekannt; die Felder hier sind {keys}</translation>
    </message>
    <message>
        <source>{file} is not a SecureMailMerge campaign file.</source>
        <translation>{file} ist keine SecureMailMerge-Kampagnendatei.</translation>
    </message>
    <message>
        <source>{file} is too large to be a campaign file.</source>
        <translation>{file} ist zu groß für eine Kampagnendatei.</translation>
    </message>
</context>
<context>
    <name>CampaignFiles</name>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Campaigns (*{extension})</source>
        <translation>Kampagnen (*{extension})</translation>
    </message>
    <message>
        <source>Do you want to save the changes to {name}?</source>
        <translation>Möchten Sie die Änderungen an {name} speichern?</translation>
    </message>
    <message>
        <source>Don&apos;t Save</source>
        <translation>Nicht speichern</translation>
    </message>
    <message>
        <source>Open campaign</source>
        <translation>Kampagne öffnen</translation>
    </message>
    <message>
        <source>Opened {file}.</source>
        <translation>{file} geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unsaved campaigns are kept for the next start.</source>
        <translation>
            <numerusform>%Ln nicht gespeicherte Kampagne wird für den nächsten Start aufbewahrt.</numerusform>
            <numerusform>%Ln nicht gespeicherte Kampagnen werden für den nächsten Start aufbewahrt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover campaign</source>
        <translation>Kampagne wiederherstellen</translation>
    </message>
    <message>
        <source>Save campaign</source>
        <translation>Kampagne speichern</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>{file} gespeichert.</translation>
    </message>
    <message>
        <source>SecureMailMerge did not close properly. Recover the unsaved changes to {name}?</source>
        <translation>SecureMailMerge wurde nicht ordnungsgemäß beendet. Die nicht gespeicherten Änderungen an {name} wiederherstellen?</translation>
    </message>
    <message>
        <source>Sign in to load this campaign&apos;s contacts.</source>
        <translation>Melden Sie sich an, um die Kontakte dieser Kampagne zu laden.</translation>
    </message>
    <message>
        <source>The campaign&apos;s recipients cannot be loaded: {error}</source>
        <translation>Die Empfänger der Kampagne können nicht geladen werden: {error}</translation>
    </message>
    <message>
        <source>Unsaved campaign</source>
        <translation>Nicht gespeicherte Kampagne</translation>
    </message>
    <message>
        <source>Unsaved changes cannot be autosaved: {error}</source>
        <translation>Nicht gespeicherte Änderungen können nicht automatisch gesichert werden: {error}</translation>
    </message>
    <message>
        <source>Untitled campaign</source>
        <translation>Unbenannte Kampagne</translation>
    </message>
    <message>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation>Ihre Änderungen gehen verloren, wenn Sie sie nicht speichern.</translation>
    </message>
    <message>
        <source>{name}[*] — SecureMailMerge</source>
        <translation>{name}[*] — SecureMailMerge</translation>
    </message>
</context>
<context>
    <name>Categories</name>
    <message>
        <source>The category list of {mailbox} cannot be read ({code}: your account has no reviewer rights on its calendar, where Outlook keeps the list). Showing the {count} categories found on its contacts instead.</source>
        <translation>Die Kategorienliste von {mailbox} kann nicht gelesen werden ({code}: Ihr Konto hat keine Prüferberechtigung für den Kalender des Postfachs, in dem Outlook die Liste speichert). Stattdessen werden die {count} Kategorien angezeigt, die in seinen Kontakten gefunden wurden.</translation>
    </message>
    <message>
        <source>reviewer rights on its calendar</source>
        <translation>Prüferberechtigung für seinen Kalender</translation>
    </message>
    <message>
        <source>the category list</source>
        <translation>die Kategorienliste</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>(no name)</source>
        <translation>(kein Name)</translation>
    </message>
    <message>
        <source>(no valid address)</source>
        <translation>(keine gültige Adresse)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Add --sign-in browser (or --sign-in code) to sign in for this command.</source>
        <translation>Fügen Sie --sign-in browser (oder --sign-in code) hinzu, um sich für diesen Befehl anzumelden.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Anlage</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Bcc</translation>
    </message>
    <message>
        <source>Campaign {folder}: {pending} of {total} to go, from {mailbox}, mode {mode}.</source>
        <translation>Kampagne {folder}: noch {pending} von {total}, von {mailbox}, Modus {mode}.</translation>
    </message>
    <message>
        <source>Cancelled; {count} unsent drafts deleted.</source>
        <translation>Abgebrochen; {count} nicht gesendete Entwürfe gelöscht.</translation>
    </message>
    <message>
        <source>Categories: {problem}</source>
        <translation>Kategorien: {problem}</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Contacts without an address: {names}</source>
        <translation>Kontakte ohne Adresse: {names}</translation>
    </message>
    <message>
        <source>Create {count} drafts in the Drafts of your mailbox, to be sent as {mailbox}?</source>
        <translation>{count} Entwürfe in „Entwürfe“ Ihres Postfachs anlegen, zum Senden als {mailbox}?</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>From: {sender} (the signed-in mailbox)</source>
        <translation>Absender: {sender} (das angemeldete Postfach)</translation>
    </message>
    <message>
        <source>Interrupted. Every step so far is in the journal.</source>
        <translation>Unterbrochen. Jeder bisherige Schritt steht im Journal.</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>License: {outcome}</source>
        <translation>Lizenz: {outcome}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No category named {names} in {mailbox}; it has no categories.</source>
        <translation>Keine Kategorie namens {names} in {mailbox}; es hat keine Kategorien.</translation>
    </message>
    <message>
        <source>No category named {names} in {mailbox}; its categories are: {known}.</source>
        <translation>In {mailbox} gibt es keine Kategorie {names}; vorhandene Kategorien: {known}.</translation>
    </message>
    <message>
        <source>No tenant is configured: pass --tenant-config FILE, set {env} to the file, or put it at {machine} or {user}.</source>
        <translation>Kein Mandant konfiguriert: Geben Sie --tenant-config DATEI an, setzen Sie {env} auf die Datei oder legen Sie sie unter {machine} oder {user} ab.</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Personal mail merge for Microsoft 365, checked on your computer.</source>
        <translation>Persönlicher E-Mail-Seriendruck für Microsoft 365, geprüft auf Ihrem Computer.</translation>
    </message>
    <message>
        <source>Ready: {ready}; without an address: {empty}; invalid addresses: {invalid}; duplicates: {duplicates}.</source>
        <translation>Bereit: {ready}; ohne Adresse: {empty}; ungültige Adressen: {invalid}; Duplikate: {duplicates}.</translation>
    </message>
    <message>
        <source>Reply-To</source>
        <translation>Antwort an</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Row {row} bounced ({code}): {reason}</source>
        <translation>Zeile {row} unzustellbar ({code}): {reason}</translation>
    </message>
    <message>
        <source>Row {row} failed ({code}): {reason}</source>
        <translation>Zeile {row} fehlgeschlagen ({code}): {reason}</translation>
    </message>
    <message>
        <source>Row {row}: {how}</source>
        <translation>Zeile {row}: {how}</translation>
    </message>
    <message>
        <source>Run: securemailmerge signin --stay-signed-in</source>
        <translation>Führen Sie aus: securemailmerge signin --stay-signed-in</translation>
    </message>
    <message>
        <source>Schedule {count} messages from {mailbox} (they wait in the Outbox)?</source>
        <translation>{count} Nachrichten von {mailbox} planen (sie warten im Postausgang)?</translation>
    </message>
    <message>
        <source>Send {count} messages now from {mailbox}?</source>
        <translation>Jetzt {count} Nachrichten von {mailbox} senden?</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Sign in in the browser window that opens now.</source>
        <translation>Melden Sie sich in dem Browserfenster an, das sich jetzt öffnet.</translation>
    </message>
    <message>
        <source>Sign in in the window of this computer&apos;s sign-in that opens now.</source>
        <translation>Melden Sie sich in dem Anmeldefenster dieses Computers an, das sich jetzt öffnet.</translation>
    </message>
    <message>
        <source>Signed in as {name} ({account}).</source>
        <translation>Angemeldet als {name} ({account}).</translation>
    </message>
    <message>
        <source>Signed out. Nothing of your sign-in is kept on this computer.</source>
        <translation>Abgemeldet. Von Ihrer Anmeldung wird nichts auf diesem Computer aufbewahrt.</translation>
    </message>
    <message>
        <source>Some rows were left out; run check to see why.</source>
        <translation>Einige Zeilen wurden ausgelassen; führen Sie check aus, um den Grund zu sehen.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Tenant configuration: {where}</source>
        <translation>Mandantenkonfiguration: {where}</translation>
    </message>
    <message>
        <source>Test message for row {row} sent to {address}.</source>
        <translation>Testnachricht für Zeile {row} an {address} gesendet.</translation>
    </message>
    <message>
        <source>The messages have no From address: Outlook fills in your account when you open one (add --from ADDRESS to write it into the files).</source>
        <translation>Die Nachrichten haben keine Absenderadresse: Outlook setzt Ihr Konto ein, wenn Sie eine öffnen (mit --from ADRESSE wird sie in die Dateien geschrieben).</translation>
    </message>
    <message>
        <source>The sign-in ends with this command. To stay signed in for the next commands, add --stay-signed-in.</source>
        <translation>Die Anmeldung endet mit diesem Befehl. Um für die nächsten Befehle angemeldet zu bleiben, fügen Sie --stay-signed-in hinzu.</translation>
    </message>
    <message>
        <source>This campaign belongs to {planned}, but {signed_in} is signed in; sign in as {planned}.</source>
        <translation>Diese Kampagne gehört zu {planned}, angemeldet ist aber {signed_in}; melden Sie sich als {planned} an.</translation>
    </message>
    <message>
        <source>This row is left out and would not be sent: {reasons}</source>
        <translation>Diese Zeile wird ausgelassen und nicht gesendet: {reasons}</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>To continue: securemailmerge resume --campaign {folder}</source>
        <translation>Zum Fortsetzen: securemailmerge resume --campaign {folder}</translation>
    </message>
    <message>
        <source>Use a code instead: securemailmerge signin --device-code (or --sign-in code)</source>
        <translation>Verwenden Sie stattdessen einen Code: securemailmerge signin --device-code (oder --sign-in code)</translation>
    </message>
    <message>
        <source>Waiting until {time}: {why}.</source>
        <translation>Warten bis {time}: {why}.</translation>
    </message>
    <message>
        <source>Wrote {count} addresses to {file}.</source>
        <translation>{count} Adressen in {file} geschrieben.</translation>
    </message>
    <message>
        <source>Wrote {count} contacts to standard output.</source>
        <translation>{count} Kontakte in die Standardausgabe geschrieben.</translation>
    </message>
    <message>
        <source>Wrote {count} contacts to {file}.</source>
        <translation>{count} Kontakte in {file} geschrieben.</translation>
    </message>
    <message>
        <source>Wrote {count} messages to {folder}</source>
        <translation>{count} Nachrichten in {folder} geschrieben</translation>
    </message>
    <message>
        <source>Wrote {count} rows to {file}.</source>
        <translation>{count} Zeilen in {file} geschrieben.</translation>
    </message>
    <message>
        <source>You are not signed in, and this computer cannot keep a sign-in ({reason}).</source>
        <translation>Sie sind nicht angemeldet, und dieser Computer kann keine Anmeldung behalten ({reason}).</translation>
    </message>
    <message>
        <source>You are not signed in, and this computer has no system keychain to keep a sign-in in.</source>
        <translation>Sie sind nicht angemeldet, und dieser Computer hat keinen Systemschlüsselbund, in dem eine Anmeldung bleiben könnte.</translation>
    </message>
    <message>
        <source>You are not signed in; run: securemailmerge signin --stay-signed-in, or add --sign-in browser (or code) to sign in for this command only</source>
        <translation>Sie sind nicht angemeldet; führen Sie aus: securemailmerge signin --stay-signed-in, oder fügen Sie --sign-in browser (oder code) hinzu, um sich nur für diesen Befehl anzumelden</translation>
    </message>
    <message>
        <source>You stay signed in on this computer until you run: securemailmerge signout</source>
        <translation>Sie bleiben auf diesem Computer angemeldet, bis Sie ausführen: securemailmerge signout</translation>
    </message>
    <message>
        <source>[y/N] </source>
        <translation>[j/N] </translation>
    </message>
    <message>
        <source>a drafts-only campaign: send its drafts now, at the campaign&apos;s pace</source>
        <translation>eine Kampagne nur mit Entwürfen: ihre Entwürfe jetzt senden, im Tempo der Kampagne</translation>
    </message>
    <message>
        <source>a shared mailbox to read instead of your own</source>
        <translation>ein freigegebenes Postfach, das statt Ihres eigenen gelesen wird</translation>
    </message>
    <message>
        <source>add an address</source>
        <translation>eine Adresse hinzufügen</translation>
    </message>
    <message>
        <source>add the addresses of a CSV file</source>
        <translation>die Adressen einer CSV-Datei hinzufügen</translation>
    </message>
    <message>
        <source>added by hand</source>
        <translation>von Hand hinzugefügt</translation>
    </message>
    <message>
        <source>also try the rows that failed again</source>
        <translation>auch die fehlgeschlagenen Zeilen erneut versuchen</translation>
    </message>
    <message>
        <source>also write the problems to a CSV file</source>
        <translation>die Probleme zusätzlich in eine CSV-Datei schreiben</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>und {count} weitere</translation>
    </message>
    <message>
        <source>at most N recipients per rolling 24 hours (default: 10000)</source>
        <translation>höchstens N Empfänger je 24 Stunden (Standard: 10000)</translation>
    </message>
    <message>
        <source>check every message before sending</source>
        <translation>jede Nachricht vor dem Senden prüfen</translation>
    </message>
    <message>
        <source>contacts need any (default) or all of the categories</source>
        <translation>Kontakte brauchen eine (any, Standard) oder alle (all) der Kategorien</translation>
    </message>
    <message>
        <source>continue an interrupted campaign</source>
        <translation>eine unterbrochene Kampagne fortsetzen</translation>
    </message>
    <message>
        <source>do not ask before sending</source>
        <translation>vor dem Senden nicht nachfragen</translation>
    </message>
    <message>
        <source>for contacts with several addresses: first (default), all, 2, or @domain</source>
        <translation>für Kontakte mit mehreren Adressen: first (Standard), all, 2 oder @Domäne</translation>
    </message>
    <message>
        <source>forget the kept sign-in</source>
        <translation>die aufbewahrte Anmeldung vergessen</translation>
    </message>
    <message>
        <source>input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>keep rows whose address appeared in an earlier row</source>
        <translation>Zeilen behalten, deren Adresse schon in einer früheren Zeile vorkam</translation>
    </message>
    <message>
        <source>keep rows whose address is invalid or empty</source>
        <translation>Zeilen mit ungültiger oder leerer Adresse behalten</translation>
    </message>
    <message>
        <source>keep the sign-in for later commands, encrypted, with its key in the keychain</source>
        <translation>die Anmeldung für spätere Befehle verschlüsselt aufbewahren, mit dem Schlüssel im Schlüsselbund</translation>
    </message>
    <message>
        <source>leave out the subfolders of --folder</source>
        <translation>die Unterordner von --folder auslassen</translation>
    </message>
    <message>
        <source>look for bounces and opt-out replies</source>
        <translation>nach Unzustellbarkeitsberichten und Abmeldeantworten suchen</translation>
    </message>
    <message>
        <source>now, drafts (leave them in Drafts), scheduled, or test (one to you)</source>
        <translation>now (sofort), drafts (in „Entwürfe“ lassen), scheduled (geplant) oder test (eine an Sie)</translation>
    </message>
    <message>
        <source>only contacts in this Outlook category (repeatable)</source>
        <translation>nur Kontakte in dieser Outlook-Kategorie (wiederholbar)</translation>
    </message>
    <message>
        <source>only contacts whose name, company or address contains TEXT</source>
        <translation>nur Kontakte, deren Name, Firma oder Adresse TEXT enthält</translation>
    </message>
    <message>
        <source>only this contact folder, such as Kunden/Spanien (/ is the Contacts folder)</source>
        <translation>nur dieser Kontaktordner, etwa Kunden/Spanien (/ ist der Ordner „Kontakte“)</translation>
    </message>
    <message>
        <source>print the HTML body</source>
        <translation>den HTML-Text ausgeben</translation>
    </message>
    <message>
        <source>print the link where an administrator grants the app&apos;s permissions for the tenant</source>
        <translation>den Link ausgeben, unter dem ein Administrator die Berechtigungen der App für den Mandanten erteilt</translation>
    </message>
    <message>
        <source>print the report as JSON</source>
        <translation>den Bericht als JSON ausgeben</translation>
    </message>
    <message>
        <source>scheduled mode: a column of times</source>
        <translation>geplanter Modus: eine Spalte mit Zeiten</translation>
    </message>
    <message>
        <source>scheduled mode: when, e.g. 2026-05-04 09:30</source>
        <translation>geplanter Modus: wann, z. B. 2026-05-04 09:30</translation>
    </message>
    <message>
        <source>securemailmerge: {error}</source>
        <translation>securemailmerge: {error}</translation>
    </message>
    <message>
        <source>securemailmerge: {file}: {reason}</source>
        <translation>securemailmerge: {file}: {reason}</translation>
    </message>
    <message>
        <source>send a campaign: one message per recipient</source>
        <translation>eine Kampagne senden: eine Nachricht pro Empfänger</translation>
    </message>
    <message>
        <source>send only then, e.g. &apos;mon-fri 08:00-18:00&apos;</source>
        <translation>nur dann senden, z. B. &apos;mon-fri 08:00-18:00&apos;</translation>
    </message>
    <message>
        <source>show a campaign&apos;s state, or list campaigns</source>
        <translation>den Stand einer Kampagne zeigen oder Kampagnen auflisten</translation>
    </message>
    <message>
        <source>show or change the do-not-contact list</source>
        <translation>die Sperrliste zeigen oder ändern</translation>
    </message>
    <message>
        <source>show the message for one recipient</source>
        <translation>die Nachricht für einen Empfänger anzeigen</translation>
    </message>
    <message>
        <source>show which tenant configuration is used, and where it is</source>
        <translation>anzeigen, welche Mandantenkonfiguration verwendet wird und wo sie liegt</translation>
    </message>
    <message>
        <source>show who is signed in, their address, time zone and license</source>
        <translation>anzeigen, wer angemeldet ist, mit Adresse, Zeitzone und Lizenz</translation>
    </message>
    <message>
        <source>sign in to Microsoft 365</source>
        <translation>bei Microsoft 365 anmelden</translation>
    </message>
    <message>
        <source>sign in with a code on another device (for machines without a browser)</source>
        <translation>mit einem Code auf einem anderen Gerät anmelden (für Computer ohne Browser)</translation>
    </message>
    <message>
        <source>take an address off</source>
        <translation>eine Adresse entfernen</translation>
    </message>
    <message>
        <source>test mode: the row to send</source>
        <translation>Testmodus: die zu sendende Zeile</translation>
    </message>
    <message>
        <source>the CSV delimiter: , ; or tab (default: detected)</source>
        <translation>das CSV-Trennzeichen: , ; oder tab (Standard: automatisch erkannt)</translation>
    </message>
    <message>
        <source>the CSV encoding (default: detected)</source>
        <translation>die CSV-Codierung (Standard: automatisch erkannt)</translation>
    </message>
    <message>
        <source>the CSV file to write (default: standard output)</source>
        <translation>die zu schreibende CSV-Datei (Standard: die Standardausgabe)</translation>
    </message>
    <message>
        <source>the Excel sheet (default: the first visible one)</source>
        <translation>das Excel-Tabellenblatt (Standard: das erste sichtbare)</translation>
    </message>
    <message>
        <source>the campaign&apos;s folder (its journal lives there)</source>
        <translation>der Ordner der Kampagne (dort liegt ihr Journal)</translation>
    </message>
    <message>
        <source>the column with the addresses (default: detected)</source>
        <translation>die Spalte mit den Adressen (Standard: automatisch erkannt)</translation>
    </message>
    <message>
        <source>the folder attachments are taken from (default: the template&apos;s)</source>
        <translation>der Ordner, aus dem die Anlagen stammen (Standard: der Ordner der Vorlage)</translation>
    </message>
    <message>
        <source>the folder for the .eml files</source>
        <translation>der Ordner für die .eml-Dateien</translation>
    </message>
    <message>
        <source>the language of messages (default: the system&apos;s)</source>
        <translation>die Sprache der Meldungen (Standard: die des Systems)</translation>
    </message>
    <message>
        <source>the mailbox whose list it is</source>
        <translation>das Postfach, dem die Liste gehört</translation>
    </message>
    <message>
        <source>the message template (.json or .html)</source>
        <translation>die Nachrichtenvorlage (.json oder .html)</translation>
    </message>
    <message>
        <source>the recipient list (.csv or .xlsx)</source>
        <translation>die Empfängerliste (.csv oder .xlsx)</translation>
    </message>
    <message>
        <source>the recipient&apos;s address</source>
        <translation>die Adresse des Empfängers</translation>
    </message>
    <message>
        <source>the report file</source>
        <translation>die Berichtsdatei</translation>
    </message>
    <message>
        <source>the row number as in the file</source>
        <translation>die Zeilennummer wie in der Datei</translation>
    </message>
    <message>
        <source>the row number of the header (default: found below any title rows)</source>
        <translation>die Zeilennummer der Kopfzeile (Standard: unter Titelzeilen gefunden)</translation>
    </message>
    <message>
        <source>the sender address written into the messages</source>
        <translation>die Absenderadresse, die in die Nachrichten geschrieben wird</translation>
    </message>
    <message>
        <source>the sending pace used for the time estimate (default: 30)</source>
        <translation>das Sendetempo für die Zeitschätzung (Standard: 30)</translation>
    </message>
    <message>
        <source>the tenant configuration (default: the file named by {env})</source>
        <translation>die Mandantenkonfiguration (Standard: die in {env} genannte Datei)</translation>
    </message>
    <message>
        <source>the zone of --window and --at (default: the mailbox&apos;s)</source>
        <translation>die Zeitzone von --window und --at (Standard: die des Postfachs)</translation>
    </message>
    <message>
        <source>unknown ({reason})</source>
        <translation>unbekannt ({reason})</translation>
    </message>
    <message>
        <source>up to S more seconds between messages, at random</source>
        <translation>bis zu S Sekunden mehr zwischen Nachrichten, zufällig</translation>
    </message>
    <message>
        <source>when no sign-in is kept, sign in for this command only, in the browser or with a code</source>
        <translation>ohne aufbewahrte Anmeldung nur für diesen Befehl anmelden, im Browser (browser) oder mit einem Code (code)</translation>
    </message>
    <message>
        <source>which of a row&apos;s addresses get the message: first, all, a number such as 2, or @domain</source>
        <translation>welche Adressen einer Zeile die Nachricht erhalten: first, all, eine Zahl wie 2 oder @domain</translation>
    </message>
    <message>
        <source>write a campaign&apos;s report (.csv or .xlsx)</source>
        <translation>den Bericht einer Kampagne schreiben (.csv oder .xlsx)</translation>
    </message>
    <message>
        <source>write a mailbox&apos;s contacts to a CSV file</source>
        <translation>die Kontakte eines Postfachs in eine CSV-Datei schreiben</translation>
    </message>
    <message>
        <source>write into a folder that already has files (same names are replaced)</source>
        <translation>in einen Ordner schreiben, der bereits Dateien enthält (gleichnamige werden ersetzt)</translation>
    </message>
    <message>
        <source>write one .eml file per ready recipient</source>
        <translation>eine .eml-Datei je sendebereitem Empfänger schreiben</translation>
    </message>
    <message>
        <source>write the list to a CSV file</source>
        <translation>die Liste in eine CSV-Datei schreiben</translation>
    </message>
    <message>
        <source>yes (--yes)</source>
        <translation>ja (--yes)</translation>
    </message>
    <message>
        <source>{address} asked to be unsubscribed; added to the do-not-contact list.</source>
        <translation>{address} bat um Abmeldung; zur Sperrliste hinzugefügt.</translation>
    </message>
    <message>
        <source>{address} is not on the list.</source>
        <translation>{address} steht nicht auf der Liste.</translation>
    </message>
    <message>
        <source>{count} addresses added.</source>
        <translation>{count} Adressen hinzugefügt.</translation>
    </message>
    <message>
        <source>{count} messages were already there from an earlier run of this export.</source>
        <translation>{count} Nachrichten waren schon von einem früheren Lauf dieses Exports da.</translation>
    </message>
    <message>
        <source>{count} rows are left out (do-not-contact list or unsubscribed).</source>
        <translation>{count} Zeilen werden ausgelassen (Sperrliste oder abgemeldet).</translation>
    </message>
    <message>
        <source>{file} has no ready recipient.</source>
        <translation>{file} enthält keinen sendebereiten Empfänger.</translation>
    </message>
    <message>
        <source>{file} has no recipient in row {row}.</source>
        <translation>{file} enthält keinen Empfänger in Zeile {row}.</translation>
    </message>
    <message>
        <source>{file} has no recipient {address}.</source>
        <translation>{file} enthält keinen Empfänger {address}.</translation>
    </message>
    <message>
        <source>{name} (problem: {reason})</source>
        <translation>{name} (Problem: {reason})</translation>
    </message>
    <message>
        <source>{name} ({size})</source>
        <translation>{name} ({size})</translation>
    </message>
    <message>
        <source>{new} new bounces; {total} in all.</source>
        <translation>{new} neue Unzustellbarkeiten; {total} insgesamt.</translation>
    </message>
    <message>
        <source>{source}: {total} contacts in {folders} contact folder(s); {chosen} match the filters.</source>
        <translation>{source}: {total} Kontakte in {folders} Kontaktordner(n); {chosen} entsprechen den Filtern.</translation>
    </message>
</context>
<context>
    <name>Contacts</name>
    <message>
        <source>Contacts of {mailbox}</source>
        <translation>Kontakte von {mailbox}</translation>
    </message>
    <message>
        <source>full access to that mailbox (or reviewer rights on its contact folders)</source>
        <translation>Vollzugriff auf dieses Postfach (oder Prüferberechtigung für seine Kontaktordner)</translation>
    </message>
    <message>
        <source>the contacts</source>
        <translation>die Kontakte</translation>
    </message>
</context>
<context>
    <name>ContactsDialog</name>
    <message>
        <source>All folders</source>
        <translation>Alle Ordner</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>Choose a mailbox and load its contacts.</source>
        <translation>Wählen Sie ein Postfach, und laden Sie seine Kontakte.</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Contacts with</source>
        <translation>Kontakte mit</translation>
    </message>
    <message>
        <source>Filtering…</source>
        <translation>Wird gefiltert…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Load contacts</source>
        <translation>Kontakte laden</translation>
    </message>
    <message>
        <source>Loading contacts…</source>
        <translation>Kontakte werden geladen…</translation>
    </message>
    <message>
        <source>Loading contacts… {count} so far ({folder} read).</source>
        <translation>Kontakte werden geladen… bisher {count} ({folder} gelesen).</translation>
    </message>
    <message>
        <source>Loading was stopped; load again to see the contacts.</source>
        <translation>Das Laden wurde angehalten; laden Sie erneut, um die Kontakte zu sehen.</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>Matching contacts</source>
        <translation>Passende Kontakte</translation>
    </message>
    <message>
        <source>Name, company or address contains…</source>
        <translation>Name, Firma oder Adresse enthält…</translation>
    </message>
    <message>
        <source>Recipients from Outlook contacts</source>
        <translation>Empfänger aus Outlook-Kontakten</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>Laden anhalten</translation>
    </message>
    <message>
        <source>Use these recipients</source>
        <translation>Diese Empfänger verwenden</translation>
    </message>
    <message>
        <source>Your own mailbox, or the address of a shared mailbox</source>
        <translation>Ihr eigenes Postfach oder die Adresse eines freigegebenen Postfachs</translation>
    </message>
    <message>
        <source>all of the checked categories</source>
        <translation>allen markierten Kategorien</translation>
    </message>
    <message>
        <source>any of the checked categories</source>
        <translation>einer der markierten Kategorien</translation>
    </message>
    <message>
        <source>{count} contacts match: {ready} ready, {empty} without an address.</source>
        <translation>{count} Kontakte passen: {ready} bereit, {empty} ohne Adresse.</translation>
    </message>
    <message>
        <source>{source}: {count} contacts in {folders} folders.</source>
        <translation>{source}: {count} Kontakte in {folders} Ordnern.</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>No Microsoft 365 tenant is configured; see the README.</source>
        <translation>Es ist kein Microsoft 365-Mandant konfiguriert; siehe README.</translation>
    </message>
    <message>
        <source>No web browser could be opened here, so you sign in with a code instead.</source>
        <translation>Hier konnte kein Webbrowser geöffnet werden, daher melden Sie sich stattdessen mit einem Code an.</translation>
    </message>
    <message>
        <source>Not checked yet: the license is checked when you load an address book, send a test or send a campaign.</source>
        <translation>Noch nicht geprüft: Die Lizenz wird geprüft, wenn Sie ein Adressbuch laden, einen Test senden oder eine Kampagne senden.</translation>
    </message>
    <message>
        <source>Open a recipient list and a template first.</source>
        <translation>Öffnen Sie zuerst eine Empfängerliste und eine Vorlage.</translation>
    </message>
    <message>
        <source>Open a recipient list and a template to see a preview.</source>
        <translation>Öffnen Sie eine Empfängerliste und eine Vorlage, um eine Vorschau zu sehen.</translation>
    </message>
    <message>
        <source>Sign in first to use Outlook contacts.</source>
        <translation>Melden Sie sich zuerst an, um Outlook-Kontakte zu verwenden.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong: {error}</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten: {error}</translation>
    </message>
</context>
<context>
    <name>CsvFile</name>
    <message>
        <source>Cannot open {path}: {reason}</source>
        <translation>{path} kann nicht geöffnet werden: {reason}</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 mit BOM</translation>
    </message>
    <message>
        <source>Unknown encoding {encoding!r} chosen for {file}.</source>
        <translation>Für {file} wurde die unbekannte Codierung {encoding!r} gewählt.</translation>
    </message>
    <message>
        <source>{delimiter!r} cannot separate the columns of {file}.</source>
        <translation>{delimiter!r} kann die Spalten von {file} nicht trennen.</translation>
    </message>
    <message>
        <source>{file} has no row {row} to be its header.</source>
        <translation>{file} hat keine Zeile {row}, die die Kopfzeile sein könnte.</translation>
    </message>
    <message>
        <source>{file} is empty: it has no header row and no recipients.</source>
        <translation>{file} ist leer: Die Datei hat weder Kopfzeile noch Empfänger.</translation>
    </message>
    <message>
        <source>{file} is neither UTF-8 nor Windows-1252 text. Choose its encoding, or export it again as CSV UTF-8.</source>
        <translation>{file} ist weder UTF-8- noch Windows-1252-Text. Wählen Sie die Codierung der Datei, oder exportieren Sie sie erneut als CSV UTF-8.</translation>
    </message>
    <message>
        <source>{file} is not a CSV text file: it contains binary data (NUL bytes). Export the recipients as CSV or choose the right file.</source>
        <translation>{file} ist keine CSV-Textdatei: Sie enthält Binärdaten (NUL-Bytes). Exportieren Sie die Empfänger als CSV, oder wählen Sie die richtige Datei.</translation>
    </message>
    <message>
        <source>{file} is not a CSV text file: it contains binary data. Export the recipients as CSV or choose the right file.</source>
        <translation>{file} ist keine CSV-Textdatei: Sie enthält Binärdaten. Exportieren Sie die Empfänger als CSV, oder wählen Sie die richtige Datei.</translation>
    </message>
    <message>
        <source>{file} is not a CSV text file: it is a compressed file, probably an Excel workbook. Save it as .xlsx or export it as CSV from Excel.</source>
        <translation>{file} ist keine CSV-Textdatei, sondern eine komprimierte Datei, vermutlich eine Excel-Arbeitsmappe. Speichern Sie sie als .xlsx, oder exportieren Sie sie in Excel als CSV.</translation>
    </message>
    <message>
        <source>{file}:{row}: the text is not valid {encoding}; choose the file&apos;s encoding.</source>
        <translation>{file}:{row}: Der Text ist kein gültiges {encoding}; wählen Sie die Codierung der Datei.</translation>
    </message>
    <message>
        <source>{file}:{row}: this row cannot be read as CSV ({reason}); check its quotes.</source>
        <translation>{file}:{row}: Diese Zeile kann nicht als CSV gelesen werden ({reason}); prüfen Sie die Anführungszeichen.</translation>
    </message>
    <message>
        <source>{file}:{row}: this row is not UTF-8 like the rest of the file; it was read as Windows-1252. Check its text (names with ä, ñ or é) before sending.</source>
        <translation>{file}:{row}: Diese Zeile ist nicht UTF-8 wie der Rest der Datei; sie wurde als Windows-1252 gelesen. Prüfen Sie ihren Text (Namen mit ä, ñ oder é) vor dem Senden.</translation>
    </message>
</context>
<context>
    <name>CsvOut</name>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>{path} kann nicht geschrieben werden: {reason}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>SecureMailMerge</source>
        <translation>SecureMailMerge</translation>
    </message>
    <message>
        <source>Something unexpected went wrong: {error}. Your work is kept; please report this.</source>
        <translation>Etwas Unerwartetes ist schiefgegangen: {error}. Ihre Arbeit bleibt erhalten; bitte melden Sie dies.</translation>
    </message>
</context>
<context>
    <name>DoNotContactDialog</name>
    <message numerus="yes">
        <source>%n address(es) saved to {file}.</source>
        <translation>
            <numerusform>%n Adresse in {file} gespeichert.</numerusform>
            <numerusform>%n Adressen in {file} gespeichert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) taken off the list.</source>
        <translation>
            <numerusform>%n Adresse von der Liste genommen.</numerusform>
            <numerusform>%n Adressen von der Liste genommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new address(es) added from {file}.</source>
        <translation>
            <numerusform>%n neue Adresse aus {file} hinzugefügt.</numerusform>
            <numerusform>%n neue Adressen aus {file} hinzugefügt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) without a valid address were skipped.</source>
        <translation>
            <numerusform>%n Zeile ohne gültige Adresse wurde übersprungen.</numerusform>
            <numerusform>%n Zeilen ohne gültige Adresse wurden übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Add every address of a CSV or Excel file</source>
        <translation>Alle Adressen einer CSV- oder Excel-Datei hinzufügen</translation>
    </message>
    <message>
        <source>Address to add</source>
        <translation>Hinzuzufügende Adresse</translation>
    </message>
    <message>
        <source>Addresses on the do-not-contact list</source>
        <translation>Adressen auf der Sperrliste</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Do-not-contact list</source>
        <translation>Sperrliste</translation>
    </message>
    <message>
        <source>Export the do-not-contact list</source>
        <translation>Sperrliste exportieren</translation>
    </message>
    <message>
        <source>Find an address</source>
        <translation>Adresse suchen</translation>
    </message>
    <message>
        <source>Find an address…</source>
        <translation>Adresse suchen…</translation>
    </message>
    <message>
        <source>Import addresses</source>
        <translation>Adressen importieren</translation>
    </message>
    <message>
        <source>Lists (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.ods)</source>
        <translation>Listen (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.ods)</translation>
    </message>
    <message>
        <source>Nobody on this list gets a message from {mailbox}.</source>
        <translation>Niemand auf dieser Liste erhält eine Nachricht von {mailbox}.</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>{file} wird gelesen…</translation>
    </message>
    <message>
        <source>Sign in, or choose the mailbox to send from, to see its do-not-contact list.</source>
        <translation>Melden Sie sich an oder wählen Sie das Absenderpostfach, um seine Sperrliste zu sehen.</translation>
    </message>
    <message>
        <source>added by hand</source>
        <translation>von Hand hinzugefügt</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@beispiel.de</translation>
    </message>
    <message>
        <source>{address} is on the list now.</source>
        <translation>{address} steht jetzt auf der Liste.</translation>
    </message>
</context>
<context>
    <name>DoNotContactModel</name>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} Std. {minutes} Min.</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} Min. {seconds} Sek.</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} Sek.</translation>
    </message>
</context>
<context>
    <name>FieldMenu</name>
    <message>
        <source>Open recipients to see their fields</source>
        <translation>Öffnen Sie Empfänger, um ihre Felder zu sehen</translation>
    </message>
</context>
<context>
    <name>FolderTrust</name>
    <message>
        <source>{file} takes its attachments and images from {folder}, which is outside the campaign file&apos;s folder. Files there are used only if you allow it.</source>
        <translation>{file} nimmt seine Anhänge und Bilder aus {folder}, einem Ordner außerhalb des Ordners der Kampagnendatei. Dateien dort werden nur verwendet, wenn Sie es erlauben.</translation>
    </message>
    <message>
        <source>Attachment folder</source>
        <translation>Anhangsordner</translation>
    </message>
    <message>
        <source>Until then attachments are looked for in {own}. Allow this only for a campaign you trust.</source>
        <translation>Bis dahin werden Anhänge in {own} gesucht. Erlauben Sie das nur für eine Kampagne, der Sie vertrauen.</translation>
    </message>
    <message>
        <source>Use that folder</source>
        <translation>Diesen Ordner verwenden</translation>
    </message>
    <message>
        <source>Keep the campaign&apos;s folder</source>
        <translation>Ordner der Kampagne beibehalten</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>{count} bytes</source>
        <translation>{count} Bytes</translation>
    </message>
</context>
<context>
    <name>Graph</name>
    <message>
        <source>Access denied ({code}): your account lacks the right to this mailbox or item.</source>
        <translation>Zugriff verweigert ({code}): Ihrem Konto fehlt die Berechtigung für dieses Postfach oder Element.</translation>
    </message>
    <message>
        <source>Microsoft Graph answered with a redirect ({status}), which is refused.</source>
        <translation>Microsoft Graph hat mit einer Umleitung geantwortet ({status}); diese wird abgelehnt.</translation>
    </message>
    <message>
        <source>Microsoft Graph answered {status} ({code}).</source>
        <translation>Microsoft Graph hat mit {status} geantwortet ({code}).</translation>
    </message>
    <message>
        <source>Microsoft Graph answered {status} ({code}): {detail}</source>
        <translation>Microsoft Graph hat mit {status} geantwortet ({code}): {detail}</translation>
    </message>
    <message>
        <source>Microsoft Graph no longer accepts your sign-in ({code}). Please sign in again.</source>
        <translation>Microsoft Graph akzeptiert Ihre Anmeldung nicht mehr ({code}). Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Microsoft Graph sent an answer that is not a JSON object (status {status}).</source>
        <translation>Microsoft Graph hat eine Antwort gesendet, die kein JSON-Objekt ist (Status {status}).</translation>
    </message>
    <message>
        <source>Microsoft kept throttling the requests ({code}); try again later.</source>
        <translation>Microsoft hat die Anfragen weiter gedrosselt ({code}); versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Request id: {request_id}.</source>
        <translation>Anforderungs-ID: {request_id}.</translation>
    </message>
    <message>
        <source>The mailbox, folder or item was not found ({code}).</source>
        <translation>Das Postfach, der Ordner oder das Element wurde nicht gefunden ({code}).</translation>
    </message>
    <message>
        <source>This mailbox is not an Exchange Online mailbox ({code}).</source>
        <translation>Dieses Postfach ist kein Exchange Online-Postfach ({code}).</translation>
    </message>
    <message>
        <source>Throttled by Microsoft, waiting {seconds} s (attempt {attempt}).</source>
        <translation>Von Microsoft gedrosselt, Wartezeit {seconds} s (Versuch {attempt}).</translation>
    </message>
    <message>
        <source>You may not send as this mailbox ({code}); ask your administrator for Send As rights.</source>
        <translation>Sie dürfen nicht als dieses Postfach senden ({code}); bitten Sie Ihren Administrator um die Berechtigung „Senden als“.</translation>
    </message>
    <message>
        <source>{host} was not named by an upload session, so nothing was sent.</source>
        <translation>{host} wurde von keiner Uploadsitzung genannt, daher wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>{reason}. Trying again in {seconds} s (attempt {attempt}).</source>
        <translation>{reason}. Neuer Versuch in {seconds} s (Versuch {attempt}).</translation>
    </message>
</context>
<context>
    <name>Hosts</name>
    <message>
        <source>China (21Vianet)</source>
        <translation>China (21Vianet)</translation>
    </message>
    <message>
        <source>Global</source>
        <translation>Weltweit</translation>
    </message>
    <message>
        <source>Microsoft Graph</source>
        <translation>Microsoft Graph</translation>
    </message>
    <message>
        <source>Microsoft sign-in (Entra ID)</source>
        <translation>Microsoft-Anmeldung (Entra ID)</translation>
    </message>
    <message>
        <source>Outlook attachment upload</source>
        <translation>Outlook-Anlagen-Upload</translation>
    </message>
    <message>
        <source>SecureMailMerge license check</source>
        <translation>SecureMailMerge-Lizenzprüfung</translation>
    </message>
    <message>
        <source>US Government (DoD)</source>
        <translation>US-Regierung (DoD)</translation>
    </message>
    <message>
        <source>US Government (GCC High)</source>
        <translation>US-Regierung (GCC High)</translation>
    </message>
    <message>
        <source>loading an address book, sending a test and sending a campaign; it receives only your address</source>
        <translation>beim Laden eines Adressbuchs, beim Testversand und beim Senden einer Kampagne; er erhält nur Ihre Adresse</translation>
    </message>
    <message>
        <source>reading your profile, contacts and categories; creating, sending and cleaning up drafts</source>
        <translation>Lesen von Profil, Kontakten und Kategorien; Erstellen, Senden und Aufräumen von Entwürfen</translation>
    </message>
    <message>
        <source>signing in, and renewing the sign-in about once an hour while the app is used</source>
        <translation>bei der Anmeldung und etwa stündlich zur Erneuerung, solange die App benutzt wird</translation>
    </message>
    <message>
        <source>uploading attachments of 3 MB or more, to the address Graph names for each upload</source>
        <translation>Hochladen von Anlagen ab 3 MB an die Adresse, die Graph für jeden Upload nennt</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>The attachment {name} cannot be saved to {folder}: {reason}.</source>
        <translation>Der Anhang {name} kann nicht in {folder} gespeichert werden: {reason}.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be created: {reason}.</source>
        <translation>Der Ordner {folder} kann nicht angelegt werden: {reason}.</translation>
    </message>
    <message>
        <source>it has no message headers</source>
        <translation>sie hat keine Nachrichtenkopfzeilen</translation>
    </message>
    <message>
        <source>{file} cannot be read as an Outlook message: {reason}.</source>
        <translation>{file} kann nicht als Outlook-Nachricht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>{file} is not an Outlook template or message (.oft, .msg, .eml).</source>
        <translation>{file} ist keine Outlook-Vorlage oder -Nachricht (.oft, .msg, .eml).</translation>
    </message>
</context>
<context>
    <name>License</name>
    <message>
        <source>Commercial license, valid until {date}.</source>
        <translation>Kommerzielle Lizenz, gültig bis {date}.</translation>
    </message>
    <message>
        <source>Commercial license.</source>
        <translation>Kommerzielle Lizenz.</translation>
    </message>
    <message>
        <source>Free plan: messages end with a short &quot;Sent with SecureMailMerge&quot; line.</source>
        <translation>Kostenloser Tarif: Nachrichten enden mit einer kurzen Zeile „Sent with SecureMailMerge“.</translation>
    </message>
    <message>
        <source>Not checked yet: the license is checked when you load an address book, send a test message or send a campaign.</source>
        <translation>Noch nicht geprüft: Die Lizenz wird geprüft, wenn Sie ein Adressbuch laden, eine Testnachricht senden oder eine Kampagne senden.</translation>
    </message>
    <message>
        <source>The license server {host} answered with an error (HTTP {status}).</source>
        <translation>Der Lizenzserver {host} hat mit einem Fehler geantwortet (HTTP {status}).</translation>
    </message>
    <message>
        <source>The license server {host} could not be reached.</source>
        <translation>Der Lizenzserver {host} war nicht erreichbar.</translation>
    </message>
    <message>
        <source>The license server {host} sent an answer the app cannot read.</source>
        <translation>Der Lizenzserver {host} hat eine Antwort gesendet, die die App nicht lesen kann.</translation>
    </message>
    <message>
        <source>The license was not checked because your account has no email address.</source>
        <translation>Die Lizenz wurde nicht geprüft, weil Ihr Konto keine E-Mail-Adresse hat.</translation>
    </message>
    <message>
        <source>{reason} Working as the free plan.</source>
        <translation>{reason} Es gilt der kostenlose Tarif.</translation>
    </message>
</context>
<context>
    <name>Mailbox</name>
    <message>
        <source>A folder of {mailbox} disappeared while reading {what} ({code}); please load again.</source>
        <translation>Während die App {what} las, ist ein Ordner von {mailbox} verschwunden ({code}); bitte laden Sie erneut.</translation>
    </message>
    <message>
        <source>Reading {what} of your mailbox {mailbox} was refused ({code}): the app lacks the permission {permission}. Ask your administrator to grant it (see the README on registering the app).</source>
        <translation>Der Lesezugriff auf {what} Ihres Postfachs {mailbox} wurde verweigert ({code}): Der App fehlt die Berechtigung {permission}. Bitten Sie Ihren Administrator, sie zu erteilen (siehe README zur Registrierung der App).</translation>
    </message>
    <message>
        <source>The account {account} has no email address in Microsoft 365 (its mail attribute is empty), usually because it has no Exchange Online mailbox. Ask your administrator to give it a mailbox.</source>
        <translation>Das Konto {account} hat keine E-Mail-Adresse in Microsoft 365 (das Attribut mail ist leer), meist weil es kein Exchange Online-Postfach hat. Bitten Sie Ihren Administrator, ihm ein Postfach zuzuweisen.</translation>
    </message>
    <message>
        <source>The mailbox {mailbox} is not in Exchange Online (it is on-premises, inactive or not licensed), so {what} cannot be read ({code}).</source>
        <translation>Das Postfach {mailbox} befindet sich nicht in Exchange Online (es ist lokal, inaktiv oder nicht lizenziert), daher kann die App {what} nicht lesen ({code}).</translation>
    </message>
    <message>
        <source>There is no mailbox {mailbox} in your organisation, or it is hidden from you ({code}); check the address.</source>
        <translation>In Ihrer Organisation gibt es kein Postfach {mailbox}, oder es ist für Sie ausgeblendet ({code}); prüfen Sie die Adresse.</translation>
    </message>
    <message>
        <source>You have no right to read {what} of the mailbox {mailbox} ({code}). Ask its owner or your administrator for {right}.</source>
        <translation>Sie haben keine Berechtigung, {what} des Postfachs {mailbox} zu lesen ({code}). Bitten Sie den Besitzer oder Ihren Administrator um {right}.</translation>
    </message>
    <message>
        <source>full access to that mailbox</source>
        <translation>Vollzugriff auf dieses Postfach</translation>
    </message>
    <message>
        <source>the mailbox settings</source>
        <translation>die Postfacheinstellungen</translation>
    </message>
    <message>
        <source>{value!r} is not a mailbox address such as sales@contoso.com.</source>
        <translation>{value!r} ist keine Postfachadresse wie sales@contoso.com.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Campaign not finished</source>
        <translation>Kampagne nicht beendet</translation>
    </message>
    <message>
        <source>Ctrl+{number}</source>
        <translation>Strg+{number}</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>SecureMailMerge</source>
        <translation>SecureMailMerge</translation>
    </message>
    <message>
        <source>Show it</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Sign in, then press “Resume that campaign” in the Send step.</source>
        <translation>Melden Sie sich an und klicken Sie dann im Schritt „Senden“ auf „Diese Kampagne fortsetzen“.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Signed in as {name} &lt;{address}&gt;</source>
        <translation>Angemeldet als {name} &lt;{address}&gt;</translation>
    </message>
    <message>
        <source>Signed-in account</source>
        <translation>Angemeldetes Konto</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>The campaign {folder} did not finish. Resume it? Nothing is sent twice.</source>
        <translation>Die Kampagne {folder} wurde nicht beendet. Fortsetzen? Nichts wird doppelt gesendet.</translation>
    </message>
    <message>
        <source>{step} (Ctrl+{number})</source>
        <translation>{step} (Strg+{number})</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Extras</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>About SecureMailMerge</source>
        <translation>Über SecureMailMerge</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <source>Clear recent campaigns</source>
        <translation>Liste der letzten Kampagnen leeren</translation>
    </message>
    <message>
        <source>Do-not-contact list…</source>
        <translation>Sperrliste…</translation>
    </message>
    <message>
        <source>Import from Outlook…</source>
        <translation>Aus Outlook importieren…</translation>
    </message>
    <message>
        <source>Network activity…</source>
        <translation>Netzwerkaktivität…</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>Neue Kampagne</translation>
    </message>
    <message>
        <source>No recent campaigns</source>
        <translation>Keine zuletzt verwendeten Kampagnen</translation>
    </message>
    <message>
        <source>Open campaign…</source>
        <translation>Kampagne öffnen…</translation>
    </message>
    <message>
        <source>Open recipients…</source>
        <translation>Empfänger öffnen…</translation>
    </message>
    <message>
        <source>Open template…</source>
        <translation>Vorlage öffnen…</translation>
    </message>
    <message>
        <source>Outlook contacts…</source>
        <translation>Outlook-Kontakte…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Recent campaigns</source>
        <translation>Zuletzt verwendete Kampagnen</translation>
    </message>
    <message>
        <source>Save campaign</source>
        <translation>Kampagne speichern</translation>
    </message>
    <message>
        <source>Save campaign as…</source>
        <translation>Kampagne speichern unter…</translation>
    </message>
    <message>
        <source>Save template…</source>
        <translation>Vorlage speichern…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Sign in or out…</source>
        <translation>An- oder abmelden…</translation>
    </message>
    <message>
        <source>Stop check</source>
        <translation>Prüfung anhalten</translation>
    </message>
</context>
<context>
    <name>MessageStep</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>An Outlook template (.oft) or message (.msg, .eml)</source>
        <translation>Eine Outlook-Vorlage (.oft) oder -Nachricht (.msg, .eml)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Attachment column</source>
        <translation>Anhangspalte</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Attachments for everybody</source>
        <translation>Anhänge für alle</translation>
    </message>
    <message>
        <source>Copied {file} into {folder}.</source>
        <translation>{file} nach {folder} kopiert.</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>HTML source</source>
        <translation>HTML-Quelltext</translation>
    </message>
    <message>
        <source>Import from Outlook</source>
        <translation>Aus Outlook importieren</translation>
    </message>
    <message>
        <source>Import from Outlook…</source>
        <translation>Aus Outlook importieren…</translation>
    </message>
    <message>
        <source>Imported {file}; its files are in {folder}.</source>
        <translation>{file} importiert; seine Dateien liegen in {folder}.</translation>
    </message>
    <message>
        <source>Make the plain text from the message</source>
        <translation>Nur-Text aus der Nachricht erzeugen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Open template</source>
        <translation>Vorlage öffnen</translation>
    </message>
    <message>
        <source>Open template…</source>
        <translation>Vorlage öffnen…</translation>
    </message>
    <message>
        <source>Outlook files (*.oft *.msg *.eml)</source>
        <translation>Outlook-Dateien (*.oft *.msg *.eml)</translation>
    </message>
    <message>
        <source>Per recipient, files named in column</source>
        <translation>Je Empfänger die Dateien aus Spalte</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Nur-Text</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>Vorlage speichern</translation>
    </message>
    <message>
        <source>Save template…</source>
        <translation>Vorlage speichern…</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>{file} gespeichert.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Subject; type {{ to insert a field</source>
        <translation>Betreff; {{ eingeben, um ein Feld einzufügen</translation>
    </message>
    <message>
        <source>Templates (*.json *.html *.htm)</source>
        <translation>Vorlagen (*.json *.html *.htm)</translation>
    </message>
    <message>
        <source>Templates (*.json)</source>
        <translation>Vorlagen (*.json)</translation>
    </message>
    <message>
        <source>The message has changes that are not saved. Save them?</source>
        <translation>Die Nachricht hat nicht gespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>Unsaved message</source>
        <translation>Nicht gespeicherte Nachricht</translation>
    </message>
    <message>
        <source>{file} cannot be copied to {folder}: {reason}</source>
        <translation>{file} kann nicht nach {folder} kopiert werden: {reason}</translation>
    </message>
</context>
<context>
    <name>Mime</name>
    <message>
        <source>A display name has {count} characters (“{start}…”); at most {limit} fit in a message.</source>
        <translation>Ein Anzeigename hat {count} Zeichen („{start}…“); in eine Nachricht passen höchstens {limit}.</translation>
    </message>
    <message>
        <source>Cannot write to {path}: {reason}</source>
        <translation>In {path} kann nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>The domain of {address!r} cannot be encoded: {reason}</source>
        <translation>Die Domäne von {address!r} kann nicht codiert werden: {reason}</translation>
    </message>
    <message>
        <source>The folder {folder} holds an export of other messages (another list, template or sender); choose an empty folder or allow overwriting.</source>
        <translation>Der Ordner {folder} enthält einen Export anderer Nachrichten (andere Liste, Vorlage oder Absender); wählen Sie einen leeren Ordner oder erlauben Sie das Überschreiben.</translation>
    </message>
    <message>
        <source>The folder {folder} is not empty; choose an empty folder or allow overwriting.</source>
        <translation>Der Ordner {folder} ist nicht leer; wählen Sie einen leeren Ordner, oder erlauben Sie das Überschreiben.</translation>
    </message>
    <message>
        <source>The subject contains a line break.</source>
        <translation>Der Betreff enthält einen Zeilenumbruch.</translation>
    </message>
    <message>
        <source>The subject has {count} characters; at most {limit} fit in a message.</source>
        <translation>Der Betreff hat {count} Zeichen; in eine Nachricht passen höchstens {limit}.</translation>
    </message>
    <message>
        <source>There is no address to send this message to.</source>
        <translation>Es gibt keine Adresse, an die diese Nachricht gesendet werden kann.</translation>
    </message>
    <message>
        <source>{address!r} cannot be used as an address: {reason}.</source>
        <translation>{address!r} kann nicht als Adresse verwendet werden: {reason}.</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder.</source>
        <translation>{folder} ist eine Datei, kein Ordner.</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <source>A sign-in token must not be sent to the upload host {host}.</source>
        <translation>Ein Anmeldetoken darf nicht an den Uploadhost {host} gesendet werden.</translation>
    </message>
    <message>
        <source>A sign-in token must not be sent to {host}.</source>
        <translation>Ein Anmeldetoken darf nicht an {host} gesendet werden.</translation>
    </message>
    <message>
        <source>An extra certificate authority is allowed only for the built-in sandbox.</source>
        <translation>Eine zusätzliche Zertifizierungsstelle ist nur für die integrierte Sandbox erlaubt.</translation>
    </message>
    <message>
        <source>Could not connect to {host}: {reason}</source>
        <translation>Keine Verbindung zu {host} möglich: {reason}</translation>
    </message>
    <message>
        <source>The connection to {host} was interrupted: {reason}</source>
        <translation>Die Verbindung zu {host} wurde unterbrochen: {reason}</translation>
    </message>
    <message>
        <source>The network log cannot be written to {file}: {reason}</source>
        <translation>Das Netzwerkprotokoll kann nicht in {file} geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>The sign-in service {host} answered with HTTP status {status}.</source>
        <translation>Der Anmeldedienst {host} hat mit HTTP-Status {status} geantwortet.</translation>
    </message>
    <message>
        <source>The upload address on {host} does not use HTTPS and is refused.</source>
        <translation>Die Uploadadresse auf {host} verwendet kein HTTPS und wird abgelehnt.</translation>
    </message>
    <message>
        <source>{host} did not answer in time.</source>
        <translation>{host} hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>{host} is not an upload host of Microsoft 365, so nothing is uploaded there.</source>
        <translation>{host} ist kein Upload-Server von Microsoft 365, daher wird dorthin nichts hochgeladen.</translation>
    </message>
    <message>
        <source>{host} is not one of the tenant&apos;s hosts, so the request was refused.</source>
        <translation>{host} gehört nicht zu den Hosts des Mandanten, daher wurde die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>{host} may not be reached for this request, so it was refused.</source>
        <translation>{host} darf für diese Anfrage nicht erreicht werden, daher wurde sie abgelehnt.</translation>
    </message>
    <message>
        <source>{host} was refused: only HTTPS is allowed.</source>
        <translation>{host} wurde abgelehnt: Nur HTTPS ist erlaubt.</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln Anfrage</numerusform>
            <numerusform>%Ln Anfragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) saved to {file}.</source>
        <translation>
            <numerusform>%Ln Anfrage in {file} gespeichert.</numerusform>
            <numerusform>%Ln Anfragen in {file} gespeichert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln angezeigt</numerusform>
            <numerusform>%Ln angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Every request this app sends, as written to {file}. Message contents, tokens and addresses are never logged; ids are masked.</source>
        <translation>Jede Anfrage dieser App, wie sie in {file} protokolliert wird. Nachrichteninhalte, Tokens und Adressen werden nie protokolliert; IDs sind maskiert.</translation>
    </message>
    <message>
        <source>Filter by host, path, status…</source>
        <translation>Nach Host, Pfad, Status filtern…</translation>
    </message>
    <message>
        <source>Filter requests</source>
        <translation>Anfragen filtern</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.log)</source>
        <translation>JSON-Zeilen (*.jsonl *.log)</translation>
    </message>
    <message>
        <source>Network activity</source>
        <translation>Netzwerkaktivität</translation>
    </message>
    <message>
        <source>One row per request, for a spreadsheet</source>
        <translation>Eine Zeile pro Anfrage, für eine Tabellenkalkulation</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>Als CSV speichern…</translation>
    </message>
    <message>
        <source>Save as log file…</source>
        <translation>Als Protokolldatei speichern…</translation>
    </message>
    <message>
        <source>Save the network log</source>
        <translation>Netzwerkprotokoll speichern</translation>
    </message>
    <message>
        <source>Save the network log as CSV</source>
        <translation>Netzwerkprotokoll als CSV speichern</translation>
    </message>
    <message>
        <source>Saving {file}…</source>
        <translation>{file} wird gespeichert…</translation>
    </message>
    <message>
        <source>The log as it is kept: one JSON object per line</source>
        <translation>Das Protokoll, wie es gespeichert ist: ein JSON-Objekt pro Zeile</translation>
    </message>
    <message>
        <source>The network log was saved to {file}.</source>
        <translation>Das Netzwerkprotokoll wurde in {file} gespeichert.</translation>
    </message>
</context>
<context>
    <name>NetworkLogModel</name>
    <message>
        <source>Attachment upload</source>
        <translation>Anhang-Upload</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>License check</source>
        <translation>Lizenzprüfung</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Microsoft Graph</source>
        <translation>Microsoft Graph</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>failed: {error}</source>
        <translation>fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>request-id {request}, client-request-id {client}</source>
        <translation>request-id {request}, client-request-id {client}</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
</context>
<context>
    <name>Outlook</name>
    <message>
        <source>An image in the message is not valid base64 data.</source>
        <translation>Ein Bild in der Nachricht enthält keine gültigen Base64-Daten.</translation>
    </message>
    <message>
        <source>The message&apos;s styles cannot be inlined for Outlook: {reason}.</source>
        <translation>Die Formatierungen der Nachricht können für Outlook nicht eingebettet werden: {reason}.</translation>
    </message>
</context>
<context>
    <name>Pacing</name>
    <message>
        <source>A message to {count} recipients is more than the daily cap of {cap} allows.</source>
        <translation>Eine Nachricht an {count} Empfänger ist mehr, als das Tageslimit von {cap} erlaubt.</translation>
    </message>
    <message>
        <source>The daily recipient cap must be at least 1.</source>
        <translation>Das Tageslimit für Empfänger muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>The pace must be more than 0 messages per minute.</source>
        <translation>Das Tempo muss über 0 Nachrichten pro Minute liegen.</translation>
    </message>
    <message>
        <source>The random pause cannot be negative.</source>
        <translation>Die zufällige Pause kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>The sending window {text} is not like mon-fri 08:00-18:00 (days optional).</source>
        <translation>Das Sendezeitfenster {text} hat nicht die Form mon-fri 08:00-18:00 (Tage optional).</translation>
    </message>
    <message>
        <source>The time zone {name} is not known; name an IANA zone such as Europe/Berlin.</source>
        <translation>Die Zeitzone {name} ist unbekannt; nennen Sie eine IANA-Zone wie Europe/Berlin.</translation>
    </message>
</context>
<context>
    <name>PermissionsView</name>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <source>Largest message: {size} (row {row})</source>
        <translation>Größte Nachricht: {size} (Zeile {row})</translation>
    </message>
    <message>
        <source>Not ready: fix the problems above first.</source>
        <translation>Nicht bereit: Beheben Sie zuerst die oben genannten Probleme.</translation>
    </message>
    <message>
        <source>Problems ({count}):</source>
        <translation>Probleme ({count}):</translation>
    </message>
    <message>
        <source>Read as {encoding}</source>
        <translation>Gelesen als {encoding}</translation>
    </message>
    <message>
        <source>Ready to send {ready} of {total} rows ({count} left out).</source>
        <translation>Bereit zum Senden: {ready} von {total} Zeilen ({count} ausgelassen).</translation>
    </message>
    <message>
        <source>Ready to send.</source>
        <translation>Bereit zum Senden.</translation>
    </message>
    <message>
        <source>Sending takes about {duration} at {pace:g} messages per minute</source>
        <translation>Das Senden dauert etwa {duration} bei {pace:g} Nachrichten pro Minute</translation>
    </message>
    <message>
        <source>Sending takes about {duration}: {pace:g} messages per minute, and Exchange Online sends to at most {limit} recipients in 24 hours ({recipients} in all)</source>
        <translation>Das Senden dauert etwa {duration}: {pace:g} Nachrichten pro Minute, und Exchange Online sendet an höchstens {limit} Empfänger in 24 Stunden (insgesamt {recipients})</translation>
    </message>
    <message>
        <source>The attachment {name} cannot be read: {reason}</source>
        <translation>Die Anlage {name} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>The field {name} is empty in these rows: {rows}</source>
        <translation>Das Feld {name} ist in diesen Zeilen leer: {rows}</translation>
    </message>
    <message>
        <source>The message would be {size} MB; the limit is {limit} MB.</source>
        <translation>Die Nachricht wäre {size} MB groß; die Grenze liegt bei {limit} MB.</translation>
    </message>
    <message>
        <source>The pace must be more than 0 messages per minute.</source>
        <translation>Das Tempo muss über 0 Nachrichten pro Minute liegen.</translation>
    </message>
    <message>
        <source>The template uses fields that are not columns of the list: {names}</source>
        <translation>Die Vorlage verwendet Felder, die keine Spalten der Liste sind: {names}</translation>
    </message>
    <message>
        <source>warning: {problem}</source>
        <translation>Warnung: {problem}</translation>
    </message>
    <message>
        <source>{days} days {hours} h</source>
        <translation>{days} Tage {hours} h</translation>
    </message>
    <message>
        <source>{file}: rows {total}, ready {ready}, invalid {invalid}, duplicates {duplicates}</source>
        <translation>{file}: Zeilen {total}, bereit {ready}, ungültig {invalid}, Duplikate {duplicates}</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>{location}: {problem}</source>
        <translation>{location}: {problem}</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{rows} and {count} more</source>
        <translation>{rows} und {count} weitere</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… und {count} weitere</translation>
    </message>
</context>
<context>
    <name>PreviewStep</name>
    <message>
        <source>(no address)</source>
        <translation>(keine Adresse)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>(sign in to see the sender)</source>
        <translation>(anmelden, um den Absender zu sehen)</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Bcc</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation>Fortschritt der Prüfung</translation>
    </message>
    <message>
        <source>Checking every message…</source>
        <translation>Jede Nachricht wird geprüft…</translation>
    </message>
    <message>
        <source>Find a recipient</source>
        <translation>Empfänger suchen</translation>
    </message>
    <message>
        <source>Find a recipient…</source>
        <translation>Empfänger suchen…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Message as sent</source>
        <translation>Nachricht, wie sie gesendet wird</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>No recipient contains “{text}”.</source>
        <translation>Kein Empfänger enthält „{text}“.</translation>
    </message>
    <message>
        <source>Not sent: this row is left out. {reason}</source>
        <translation>Wird nicht gesendet: Diese Zeile ist ausgelassen. {reason}</translation>
    </message>
    <message>
        <source>Open recipients and write a message to check them.</source>
        <translation>Öffnen Sie Empfänger und schreiben Sie eine Nachricht, um sie zu prüfen.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Problems found by the check</source>
        <translation>Von der Prüfung gefundene Probleme</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Reply-To</source>
        <translation>Antwort an</translation>
    </message>
    <message>
        <source>Show row {row}</source>
        <translation>Zeile {row} zeigen</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>The check was stopped; press Check to run it again.</source>
        <translation>Die Prüfung wurde angehalten; drücken Sie Prüfen, um sie erneut zu starten.</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message numerus="yes">
        <source>of %Ln</source>
        <translation>
            <numerusform>von %Ln</numerusform>
            <numerusform>von %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %Ln (row {row})</source>
        <translation>
            <numerusform>von %Ln (Zeile {row})</numerusform>
            <numerusform>von %Ln (Zeile {row})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %Ln more; the Recipients step can show only the rows to look at.</source>
        <translation>
            <numerusform>…und %Ln weiteres; der Schritt Empfänger kann nur die zu prüfenden Zeilen zeigen.</numerusform>
            <numerusform>…und %Ln weitere; der Schritt Empfänger kann nur die zu prüfenden Zeilen zeigen.</numerusform>
        </translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
</context>
<context>
    <name>ReadingBox</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Address number</source>
        <translation>Adressnummer</translation>
    </message>
    <message>
        <source>Address to use</source>
        <translation>Zu verwendende Adresse</translation>
    </message>
    <message>
        <source>All of them</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>BCC column</source>
        <translation>Bcc-Spalte</translation>
    </message>
    <message>
        <source>CC column</source>
        <translation>Cc-Spalte</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>Komma (,)</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>Trennzeichen</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>Erkannt</translation>
    </message>
    <message>
        <source>Email column</source>
        <translation>E-Mail-Spalte</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Zeichenkodierung</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>Kopfzeile</translation>
    </message>
    <message>
        <source>How the file is read</source>
        <translation>Wie die Datei gelesen wird</translation>
    </message>
    <message>
        <source>Number…</source>
        <translation>Nummer…</translation>
    </message>
    <message>
        <source>Reply-To column</source>
        <translation>Antwort-an-Spalte</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>Semikolon (;)</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Tabellenblatt</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>The first</source>
        <translation>Die erste</translation>
    </message>
    <message>
        <source>Which address a row with several gets</source>
        <translation>Welche Adresse eine Zeile mit mehreren erhält</translation>
    </message>
    <message>
        <source>delimiter {delimiter}</source>
        <translation>Trennzeichen {delimiter}</translation>
    </message>
    <message>
        <source>email column {column}</source>
        <translation>E-Mail-Spalte {column}</translation>
    </message>
    <message>
        <source>encoding {encoding}</source>
        <translation>Kodierung {encoding}</translation>
    </message>
    <message>
        <source>header in row {row}</source>
        <translation>Kopfzeile in Zeile {row}</translation>
    </message>
    <message>
        <source>sheet {sheet}</source>
        <translation>Tabellenblatt {sheet}</translation>
    </message>
</context>
<context>
    <name>Recipients</name>
    <message>
        <source>Cannot open {path}: {reason}</source>
        <translation>{path} kann nicht geöffnet werden: {reason}</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>und {count} weitere</translation>
    </message>
    <message>
        <source>{file} has a header row but no recipients below it.</source>
        <translation>{file} hat eine Kopfzeile, aber keine Empfänger darunter.</translation>
    </message>
    <message>
        <source>{file} has no column that looks like email addresses (such as Email, E-Mail or Correo). Choose the email column among: {columns}.</source>
        <translation>{file} hat keine Spalte, die nach E-Mail-Adressen aussieht (etwa Email, E-Mail oder Correo). Wählen Sie die E-Mail-Spalte aus: {columns}.</translation>
    </message>
    <message>
        <source>{file} has no column {column!r}. Its columns are: {columns}.</source>
        <translation>{file} hat keine Spalte {column!r}. Vorhandene Spalten: {columns}.</translation>
    </message>
    <message>
        <source>{file}: column names must be unique, but the header repeats {names}.</source>
        <translation>{file}: Spaltennamen müssen eindeutig sein, aber die Kopfzeile wiederholt {names}.</translation>
    </message>
    <message>
        <source>{file}: the header row has no name in column(s) {positions}.</source>
        <translation>{file}: Die Kopfzeile hat in Spalte(n) {positions} keinen Namen.</translation>
    </message>
    <message>
        <source>{file}: the header row is counted from 1, as Excel does.</source>
        <translation>{file}: Die Kopfzeile wird ab 1 gezählt, wie in Excel.</translation>
    </message>
    <message>
        <source>{file}: this spreadsheet format cannot be read. Save it as Excel workbook (.xlsx) or CSV.</source>
        <translation>{file}: Dieses Tabellenformat kann nicht gelesen werden. Speichern Sie die Datei als Excel-Arbeitsmappe (.xlsx) oder als CSV.</translation>
    </message>
    <message>
        <source>{location}: the address {value} in column {column!r}: {reason}.</source>
        <translation>{location}: die Adresse {value} in der Spalte {column!r}: {reason}.</translation>
    </message>
    <message>
        <source>{location}: the cell in column {column!r} looks like a spreadsheet formula ({value}); it is used as plain text, never calculated.</source>
        <translation>{location}: Die Zelle in Spalte {column!r} sieht wie eine Tabellenformel aus ({value}); sie wird als reiner Text verwendet, nie berechnet.</translation>
    </message>
    <message>
        <source>{location}: there is no email address in column {column!r}.</source>
        <translation>{location}: In Spalte {column!r} steht keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>{location}: this row has {count} cells but the header has {width} columns; a delimiter, a quote or a header name is probably missing or extra.</source>
        <translation>{location}: Diese Zeile hat {count} Zellen, die Kopfzeile aber {width} Spalten; vermutlich fehlt ein Trennzeichen, ein Anführungszeichen oder ein Spaltenname, oder einer ist zu viel.</translation>
    </message>
    <message>
        <source>{location}: {value!r} in column {column!r} is not a valid email address: {reason}.</source>
        <translation>{location}: {value!r} in Spalte {column!r} ist keine gültige E-Mail-Adresse: {reason}.</translation>
    </message>
    <message>
        <source>{location}: {value} is already the address of row {first}.</source>
        <translation>{location}: {value} ist bereits die Adresse von Zeile {first}.</translation>
    </message>
    <message>
        <source>{name!r} in columns {positions}</source>
        <translation>{name!r} in den Spalten {positions}</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} existiert nicht.</translation>
    </message>
    <message>
        <source>{path} is a folder; choose the recipient file (.csv or Excel) in it.</source>
        <translation>{path} ist ein Ordner; wählen Sie die Empfängerdatei (.csv oder Excel) darin.</translation>
    </message>
    <message>
        <source>{path} is not a file saved on disk (it is a pipe, a device or a socket); choose a .csv or Excel file.</source>
        <translation>{path} ist keine auf dem Datenträger gespeicherte Datei (sondern eine Pipe, ein Gerät oder ein Socket); wählen Sie eine .csv- oder Excel-Datei.</translation>
    </message>
</context>
<context>
    <name>RecipientsModel</name>
    <message>
        <source>Bounced</source>
        <translation>Unzustellbar</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Nicht kontaktieren</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Doppelt</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Ausgelassen</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Ready to send</source>
        <translation>Bereit zum Senden</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>You left this row out; it will not be sent.</source>
        <translation>Sie haben diese Zeile ausgelassen; sie wird nicht gesendet.</translation>
    </message>
</context>
<context>
    <name>RecipientsStep</name>
    <message numerus="yes">
        <source>%Ln left out</source>
        <translation>
            <numerusform>%Ln ausgelassen</numerusform>
            <numerusform>%Ln ausgelassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln ready</source>
        <translation>
            <numerusform>%Ln bereit</numerusform>
            <numerusform>%Ln bereit</numerusform>
        </translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>check stopped</source>
        <translation>Prüfung angehalten</translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln angezeigt</numerusform>
            <numerusform>%Ln angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>A CSV or Excel file; you can also drop one here</source>
        <translation>Eine CSV- oder Excel-Datei; Sie können sie auch hierher ziehen</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Alle Zeilen</translation>
    </message>
    <message>
        <source>Find in any column…</source>
        <translation>In allen Spalten suchen…</translation>
    </message>
    <message>
        <source>Find recipients</source>
        <translation>Empfänger suchen</translation>
    </message>
    <message>
        <source>Loading {file}…</source>
        <translation>{file} wird geladen…</translation>
    </message>
    <message>
        <source>No recipients yet: open a file or drop one here.</source>
        <translation>Noch keine Empfänger: Öffnen Sie eine Datei oder ziehen Sie sie hierher.</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>Datei öffnen…</translation>
    </message>
    <message>
        <source>Open recipients</source>
        <translation>Empfänger öffnen</translation>
    </message>
    <message>
        <source>Outlook contacts…</source>
        <translation>Outlook-Kontakte…</translation>
    </message>
    <message>
        <source>Recipient lists (*.csv *.txt *.tsv *.xlsx *.xlsm *.xlsb *.xls *.ods)</source>
        <translation>Empfängerlisten (*.csv *.txt *.tsv *.xlsx *.xlsm *.xlsb *.xls *.ods)</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Recipients from your or a shared mailbox&apos;s contacts</source>
        <translation>Empfänger aus den Kontakten Ihres oder eines freigegebenen Postfachs</translation>
    </message>
    <message>
        <source>Show rows</source>
        <translation>Zeilen anzeigen</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover campaigns</source>
        <translation>Kampagnen wiederherstellen</translation>
    </message>
    <message>
        <source>SecureMailMerge did not close properly. These campaigns have unsaved changes; recover one here, save the others as files to open later, or discard them.</source>
        <translation>SecureMailMerge wurde nicht ordnungsgemäß beendet. Diese Kampagnen haben nicht gespeicherte Änderungen: Stellen Sie eine hier wieder her, speichern Sie die anderen als Dateien, um sie später zu öffnen, oder verwerfen Sie sie.</translation>
    </message>
    <message>
        <source>Unsaved campaigns</source>
        <translation>Nicht gespeicherte Kampagnen</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Speichern unter…</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>Sp&amp;äter</translation>
    </message>
    <message>
        <source>{name}, changed {time}</source>
        <translation>{name}, geändert {time}</translation>
    </message>
    <message>
        <source>Recovered campaign</source>
        <translation>Wiederhergestellte Kampagne</translation>
    </message>
    <message>
        <source>Save campaign</source>
        <translation>Kampagne speichern</translation>
    </message>
    <message>
        <source>Campaigns (*{extension})</source>
        <translation>Kampagnen (*{extension})</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>{file} gespeichert.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Campaign {folder} ({mode}), from {sender}: {status}.</source>
        <translation>Kampagne {folder} ({mode}), von {sender}: {status}.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Internet message id</source>
        <translation>Internet-Nachrichten-ID</translation>
    </message>
    <message>
        <source>Message id</source>
        <translation>Nachrichten-ID</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Sent as {shared}: the sent copies are in the Sent Items of {mailbox}, the mailbox that sent them, not in {shared}&apos;s.</source>
        <translation>Gesendet als {shared}: Die gesendeten Kopien liegen in „Gesendete Elemente“ von {mailbox}, dem Postfach, das sie gesendet hat, nicht in dem von {shared}.</translation>
    </message>
    <message>
        <source>Sent copy in</source>
        <translation>Gesendete Kopie in</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>The report must be a .csv or .xlsx file, not {file}.</source>
        <translation>Der Bericht muss eine .csv- oder .xlsx-Datei sein, nicht {file}.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>bounced</source>
        <translation>unzustellbar</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>draft ready</source>
        <translation>Entwurf fertig</translation>
    </message>
    <message>
        <source>draft started</source>
        <translation>Entwurf begonnen</translation>
    </message>
    <message>
        <source>drafts only</source>
        <translation>nur Entwürfe</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>ausgelassen</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht begonnen</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
    <message>
        <source>running or interrupted</source>
        <translation>läuft oder unterbrochen</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>zeitversetzt</translation>
    </message>
    <message>
        <source>send now</source>
        <translation>sofort senden</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
</context>
<context>
    <name>RichEditor</name>
    <message>
        <source>Address (https://…):</source>
        <translation>Adresse (https://…):</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Fett</translation>
    </message>
    <message>
        <source>Bullets</source>
        <translation>Aufzählung</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Farbe…</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>Schriftart</translation>
    </message>
    <message>
        <source>Font and insert</source>
        <translation>Schrift und Einfügen</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source>Formatting</source>
        <translation>Formatierung</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.gif)</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>Bild…</translation>
    </message>
    <message>
        <source>Insert field</source>
        <translation>Feld einfügen</translation>
    </message>
    <message>
        <source>Insert image</source>
        <translation>Bild einfügen</translation>
    </message>
    <message>
        <source>Insert link</source>
        <translation>Link einfügen</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Kursiv</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Link…</translation>
    </message>
    <message>
        <source>Message body</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>Numbering</source>
        <translation>Nummerierung</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Textfarbe</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>Unterstrichen</translation>
    </message>
</context>
<context>
    <name>Sandbox</name>
    <message>
        <source>--licensed {value}: the expiry must be a date like 2027-12-31.</source>
        <translation>--licensed {value}: Das Ablaufdatum muss ein Datum wie 2027-12-31 sein.</translation>
    </message>
    <message>
        <source>--licensed {value}: {reason}</source>
        <translation>--licensed {value}: {reason}</translation>
    </message>
    <message>
        <source>--port must be 0 or a port up to {highest}, not {value}.</source>
        <translation>--port muss 0 oder ein Port bis {highest} sein, nicht {value}.</translation>
    </message>
    <message>
        <source>--time-scale must be a number above 0, not {value}.</source>
        <translation>--time-scale muss eine Zahl über 0 sein, nicht {value}.</translation>
    </message>
    <message>
        <source>AADSTS50034: The user account {login} does not exist in the {tenant} directory.</source>
        <translation>AADSTS50034: Das Benutzerkonto {login} ist im Verzeichnis {tenant} nicht vorhanden.</translation>
    </message>
    <message>
        <source>AADSTS50057: The user account {login} is disabled: it is a shared mailbox. Sign in as a person who has access to it.</source>
        <translation>AADSTS50057: Das Benutzerkonto {login} ist deaktiviert, denn es ist ein freigegebenes Postfach. Melden Sie sich als eine Person an, die Zugriff darauf hat.</translation>
    </message>
    <message>
        <source>Exchange&apos;s sending delays and limits, e.g. seed=7,submit_delay=0,licenses=25</source>
        <translation>Versandverzögerungen und -limits von Exchange, z. B. seed=7,submit_delay=0,licenses=25</translation>
    </message>
    <message>
        <source>Faults must look like SEED:PROFILE (e.g. 42:storm), not {text}.</source>
        <translation>Fehler müssen die Form SEED:PROFILE haben (z. B. 42:storm), nicht {text}.</translation>
    </message>
    <message>
        <source>Run the Microsoft 365 sandbox on 127.0.0.1.</source>
        <translation>Die Microsoft 365-Sandbox auf 127.0.0.1 ausführen.</translation>
    </message>
    <message>
        <source>SQLite file that keeps the mailboxes</source>
        <translation>SQLite-Datei, in der die Postfächer gespeichert werden</translation>
    </message>
    <message>
        <source>Sending settings look like name=value, not {text}.</source>
        <translation>Versandeinstellungen haben die Form name=wert, nicht {text}.</translation>
    </message>
    <message>
        <source>The code {code} has expired: start the sign-in again.</source>
        <translation>Der Code {code} ist abgelaufen: Starten Sie die Anmeldung erneut.</translation>
    </message>
    <message>
        <source>The code {code} is not a code of this sandbox.</source>
        <translation>Der Code {code} stammt nicht aus dieser Sandbox.</translation>
    </message>
    <message>
        <source>The code {code} was already used.</source>
        <translation>Der Code {code} wurde bereits verwendet.</translation>
    </message>
    <message>
        <source>The fault rate {name} must lie between 0 and 1, not {value}.</source>
        <translation>Die Fehlerrate {name} muss zwischen 0 und 1 liegen, nicht {value}.</translation>
    </message>
    <message>
        <source>The fault rates add up to more than 1.</source>
        <translation>Die Fehlerraten ergeben zusammen mehr als 1.</translation>
    </message>
    <message>
        <source>The fault setting {name} cannot be negative.</source>
        <translation>Die Fehlereinstellung {name} darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>The fault setting {name} needs a number, not {value}.</source>
        <translation>Die Fehlereinstellung {name} braucht eine Zahl, nicht {value}.</translation>
    </message>
    <message>
        <source>The headless browser only visits this computer, not {url}.</source>
        <translation>Der Headless-Browser besucht nur diesen Computer, nicht {url}.</translation>
    </message>
    <message>
        <source>The range of {name} must not end before it starts.</source>
        <translation>Der Bereich von {name} darf nicht enden, bevor er beginnt.</translation>
    </message>
    <message>
        <source>The sandbox cannot listen on {host}:{port}: {reason}</source>
        <translation>Die Sandbox kann nicht auf {host}:{port} lauschen: {reason}</translation>
    </message>
    <message>
        <source>The sending setting {name} cannot be negative.</source>
        <translation>Die Versandeinstellung {name} darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>The sending setting {name} needs a number, not {value}.</source>
        <translation>Die Versandeinstellung {name} braucht eine Zahl, nicht {value}.</translation>
    </message>
    <message>
        <source>The sign-in page answered {status} without a form.</source>
        <translation>Die Anmeldeseite hat mit {status} ohne Formular geantwortet.</translation>
    </message>
    <message>
        <source>The time scale must be above 0.</source>
        <translation>Der Zeitfaktor muss über 0 liegen.</translation>
    </message>
    <message>
        <source>Unknown fault profile {name}; choose one of {names}.</source>
        <translation>Unbekanntes Fehlerprofil {name}; wählen Sie eines von {names}.</translation>
    </message>
    <message>
        <source>Unknown fault setting {setting}; settings are {names}.</source>
        <translation>Unbekannte Fehlereinstellung {setting}; mögliche Einstellungen: {names}.</translation>
    </message>
    <message>
        <source>Unknown sending setting {name}; settings are {names}.</source>
        <translation>Unbekannte Versandeinstellung {name}; möglich sind {names}.</translation>
    </message>
    <message>
        <source>a commercially licensed address (repeatable; replaces the default list)</source>
        <translation>eine kommerziell lizenzierte Adresse (wiederholbar; ersetzt die Standardliste)</translation>
    </message>
    <message>
        <source>approve device-code sign-ins of the demo user at once</source>
        <translation>Gerätecode-Anmeldungen des Demobenutzers sofort genehmigen</translation>
    </message>
    <message>
        <source>authority on N, Graph N+1, uploads N+2, license N+3 (default: free ports)</source>
        <translation>Anmeldedienst auf N, Graph N+1, Uploads N+2, Lizenz N+3 (Standard: freie Ports)</translation>
    </message>
    <message>
        <source>concurrency is app or app+mailbox, not {value}.</source>
        <translation>concurrency ist app oder app+mailbox, nicht {value}.</translation>
    </message>
    <message>
        <source>inject faults: SEED:PROFILE, e.g. 42:storm</source>
        <translation>Fehler einspeisen: SEED:PROFILE, z. B. 42:storm</translation>
    </message>
    <message>
        <source>multiply Graph&apos;s time windows</source>
        <translation>die Zeitfenster von Graph vervielfachen</translation>
    </message>
</context>
<context>
    <name>Scopes</name>
    <message>
        <source>Create the drafts of your messages and upload their attachments before sending.</source>
        <translation>Die Entwürfe Ihrer Nachrichten erstellen und deren Anlagen vor dem Senden hochladen.</translation>
    </message>
    <message>
        <source>Read a shared mailbox&apos;s category list, which Outlook keeps in a hidden item of its calendar.</source>
        <translation>Die Kategorienliste eines freigegebenen Postfachs lesen, die Outlook in einem ausgeblendeten Element seines Kalenders speichert.</translation>
    </message>
    <message>
        <source>Read recipients from the contacts of a shared mailbox you have access to.</source>
        <translation>Empfänger aus den Kontakten eines freigegebenen Postfachs lesen, auf das Sie Zugriff haben.</translation>
    </message>
    <message>
        <source>Read recipients from your own address book, in all of its contact folders.</source>
        <translation>Empfänger aus Ihrem eigenen Adressbuch lesen, in allen seinen Kontaktordnern.</translation>
    </message>
    <message>
        <source>Read your mailbox&apos;s time zone, sending limits and category list.</source>
        <translation>Zeitzone, Sendegrenzen und Kategorienliste Ihres Postfachs lesen.</translation>
    </message>
    <message>
        <source>Send the drafts as or on behalf of a shared mailbox, where you have that right.</source>
        <translation>Die Entwürfe als oder im Auftrag eines freigegebenen Postfachs senden, sofern Sie dazu berechtigt sind.</translation>
    </message>
    <message>
        <source>Send the drafts from your own mailbox.</source>
        <translation>Die Entwürfe aus Ihrem eigenen Postfach senden.</translation>
    </message>
    <message>
        <source>Sign you in, and show and license-check your address so nobody sends from the wrong mailbox.</source>
        <translation>Sie anmelden sowie Ihre Adresse anzeigen und ihre Lizenz prüfen, damit niemand aus dem falschen Postfach sendet.</translation>
    </message>
</context>
<context>
    <name>SendStep</name>
    <message>
        <source> per minute</source>
        <translation> pro Minute</translation>
    </message>
    <message>
        <source> recipients a day</source>
        <translation> Empfänger pro Tag</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new bounces found.</source>
        <translation>
            <numerusform>%Ln neue Unzustellbarkeit gefunden.</numerusform>
            <numerusform>%Ln neue Unzustellbarkeiten gefunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows are left out (do-not-contact list or unsubscribed).</source>
        <translation>
            <numerusform>%Ln Zeile wird ausgelassen (Nicht-kontaktieren-Liste oder abgemeldet).</numerusform>
            <numerusform>%Ln Zeilen werden ausgelassen (Nicht-kontaktieren-Liste oder abgemeldet).</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign {folder} started.</source>
        <translation>Kampagne {folder} gestartet.</translation>
    </message>
    <message>
        <source>Cancel campaign</source>
        <translation>Kampagne abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled; %Ln unsent drafts deleted.</source>
        <translation>
            <numerusform>Abgebrochen; %Ln nicht gesendeter Entwurf gelöscht.</numerusform>
            <numerusform>Abgebrochen; %Ln nicht gesendete Entwürfe gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check for bounces</source>
        <translation>Nach Unzustellbarkeiten suchen</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Zahlen</translation>
    </message>
    <message numerus="yes">
        <source>Create %Ln drafts, to be sent as {mailbox}?</source>
        <translation>
            <numerusform>%Ln Entwurf anlegen, zum Senden als {mailbox}?</numerusform>
            <numerusform>%Ln Entwürfe anlegen, zum Senden als {mailbox}?</numerusform>
        </translation>
    </message>
    <message>
        <source>Daily cap</source>
        <translation>Tageshöchstzahl</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Drafts made {drafted} · failed {failed}</source>
        <translation>Entwürfe erstellt {drafted} · fehlgeschlagen {failed}</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Bericht exportieren…</translation>
    </message>
    <message>
        <source>How to send</source>
        <translation>Wie gesendet wird</translation>
    </message>
    <message>
        <source>Look in your Inbox for messages that came back</source>
        <translation>Im Posteingang nach zurückgekommenen Nachrichten suchen</translation>
    </message>
    <message>
        <source>Messages per minute</source>
        <translation>Nachrichten pro Minute</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Only between</source>
        <translation>Nur zwischen</translation>
    </message>
    <message>
        <source>Only create drafts</source>
        <translation>Nur Entwürfe anlegen</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Sending row {row}, as the Preview shows it, to you as a test…</source>
        <translation>Zeile {row} wird so, wie die Vorschau sie zeigt, als Test an Sie gesendet…</translation>
    </message>
    <message>
        <source>Before this run: {counts}</source>
        <translation>Vor diesem Lauf: {counts}</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>Pausiert.</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Reports (*.csv *.xlsx)</source>
        <translation>Berichte (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Resume that campaign</source>
        <translation>Diese Kampagne fortsetzen</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>Fortgesetzt.</translation>
    </message>
    <message>
        <source>Row {row} bounced ({code}): {reason}</source>
        <translation>Zeile {row} unzustellbar ({code}): {reason}</translation>
    </message>
    <message>
        <source>Row {row} failed ({code}): {reason}</source>
        <translation>Zeile {row} fehlgeschlagen ({code}): {reason}</translation>
    </message>
    <message>
        <source>Row {row}: draft made.</source>
        <translation>Zeile {row}: Entwurf erstellt.</translation>
    </message>
    <message>
        <source>Row {row}: scheduled.</source>
        <translation>Zeile {row}: geplant.</translation>
    </message>
    <message>
        <source>Row {row}: sent.</source>
        <translation>Zeile {row}: gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>Schedule %Ln messages from {mailbox}?</source>
        <translation>
            <numerusform>%Ln Nachricht von {mailbox} planen?</numerusform>
            <numerusform>%Ln Nachrichten von {mailbox} planen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Schedule for later</source>
        <translation>Für später planen</translation>
    </message>
    <message>
        <source>Scheduled {scheduled} · failed {failed} · bounced {bounced}</source>
        <translation>Geplant {scheduled} · fehlgeschlagen {failed} · unzustellbar {bounced}</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message numerus="yes">
        <source>Send %Ln messages now from {mailbox}?</source>
        <translation>
            <numerusform>%Ln Nachricht jetzt von {mailbox} senden?</numerusform>
            <numerusform>%Ln Nachrichten jetzt von {mailbox} senden?</numerusform>
        </translation>
    </message>
    <message>
        <source>Send at</source>
        <translation>Senden um</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Jetzt senden</translation>
    </message>
    <message>
        <source>Send test to me</source>
        <translation>Test an mich senden</translation>
    </message>
    <message>
        <source>Sending a test message to you…</source>
        <translation>Eine Testnachricht an Sie wird gesendet…</translation>
    </message>
    <message>
        <source>Sending log</source>
        <translation>Sendeprotokoll</translation>
    </message>
    <message>
        <source>Sending window</source>
        <translation>Sendezeitraum</translation>
    </message>
    <message>
        <source>Sending window end</source>
        <translation>Ende des Sendezeitraums</translation>
    </message>
    <message>
        <source>Sending window start</source>
        <translation>Beginn des Sendezeitraums</translation>
    </message>
    <message>
        <source>Sent {sent} · failed {failed} · bounced {bounced}</source>
        <translation>Gesendet {sent} · fehlgeschlagen {failed} · unzustellbar {bounced}</translation>
    </message>
    <message>
        <source>Start the campaign</source>
        <translation>Kampagne starten</translation>
    </message>
    <message>
        <source>Start…</source>
        <translation>Starten…</translation>
    </message>
    <message>
        <source>Stopped: {reason}</source>
        <translation>Angehalten: {reason}</translation>
    </message>
    <message>
        <source>The campaign {folder} did not finish. Resume it? Nothing is sent twice.</source>
        <translation>Die Kampagne {folder} wurde nicht beendet. Fortsetzen? Nichts wird doppelt gesendet.</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Verbleibende Zeit</translation>
    </message>
    <message>
        <source>Waiting until {time}: {why}.</source>
        <translation>Warten bis {time}: {why}.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %Ln rows to {file}.</source>
        <translation>
            <numerusform>%Ln Zeile in {file} geschrieben.</numerusform>
            <numerusform>%Ln Zeilen in {file} geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <source>{pending} of {total} to go, from {mailbox}.</source>
        <translation>{pending} von {total} offen, von {mailbox}.</translation>
    </message>
</context>
<context>
    <name>Sending</name>
    <message>
        <source>Open a recipient list and write a message first.</source>
        <translation>Öffnen Sie zuerst eine Empfängerliste und schreiben Sie eine Nachricht.</translation>
    </message>
    <message>
        <source>Sign in first to send.</source>
        <translation>Melden Sie sich zuerst an, um zu senden.</translation>
    </message>
    <message>
        <source>Test message for row {row} sent to {address}.</source>
        <translation>Testnachricht für Zeile {row} an {address} gesendet.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> per minute</source>
        <translation> pro Minute</translation>
    </message>
    <message>
        <source> recipients a day</source>
        <translation> Empfänger pro Tag</translation>
    </message>
    <message>
        <source>&amp;Daily cap</source>
        <translation>Tages&amp;limit</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Pace</source>
        <translation>&amp;Tempo</translation>
    </message>
    <message>
        <source>Choose a tenant configuration file</source>
        <translation>Eine Mandantenkonfigurationsdatei auswählen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Daily cap</source>
        <translation>Tageslimit</translation>
    </message>
    <message>
        <source>Exchange Online allows 10,000 recipients a day per mailbox.</source>
        <translation>Exchange Online erlaubt 10.000 Empfänger pro Tag und Postfach.</translation>
    </message>
    <message>
        <source>Exchange Online sends at most 30 messages a minute from one mailbox.</source>
        <translation>Exchange Online sendet höchstens 30 Nachrichten pro Minute aus einem Postfach.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Messages per minute</source>
        <translation>Nachrichten pro Minute</translation>
    </message>
    <message>
        <source>Only between</source>
        <translation>Nur zwischen</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Sending window</source>
        <translation>Sendefenster</translation>
    </message>
    <message>
        <source>Sending window end</source>
        <translation>Ende des Sendefensters</translation>
    </message>
    <message>
        <source>Sending window start</source>
        <translation>Beginn des Sendefensters</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Seiten der Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Tenant (for IT)</source>
        <translation>Mandant (für die IT)</translation>
    </message>
    <message>
        <source>Tenant configuration</source>
        <translation>Mandantenkonfiguration</translation>
    </message>
    <message>
        <source>Tenant configuration (*.json)</source>
        <translation>Mandantenkonfiguration (*.json)</translation>
    </message>
    <message>
        <source>Tenant configuration file</source>
        <translation>Mandantenkonfigurationsdatei</translation>
    </message>
    <message>
        <source>The Send step starts with these values.</source>
        <translation>Der Schritt „Senden“ beginnt mit diesen Werten.</translation>
    </message>
    <message>
        <source>Use this file instead:</source>
        <translation>Stattdessen diese Datei verwenden:</translation>
    </message>
    <message>
        <source>and</source>
        <translation>und</translation>
    </message>
    <message>
        <source>none: IT&apos;s file or your own, as shown above</source>
        <translation>keine: die Datei der IT oder Ihre eigene, wie oben gezeigt</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Signed in as {address} {how}.</source>
        <translation>Angemeldet als {address} {how}.</translation>
    </message>
    <message>
        <source>in the browser</source>
        <translation>im Browser</translation>
    </message>
    <message>
        <source>through this computer&apos;s sign-in (Web Account Manager or Company Portal)</source>
        <translation>über die Anmeldung dieses Computers (Web Account Manager oder Unternehmensportal)</translation>
    </message>
    <message>
        <source>with a code</source>
        <translation>mit einem Code</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
    <message>
        <source>Finish signing in in the window this computer shows, or else in your browser; this window waits for it.</source>
        <translation>Schließen Sie die Anmeldung in dem Fenster ab, das dieser Computer anzeigt, oder sonst in Ihrem Browser; dieses Fenster wartet darauf.</translation>
    </message>
    <message>
        <source>Finish signing in in your browser; this window waits for it.</source>
        <translation>Schließen Sie die Anmeldung im Browser ab; dieses Fenster wartet darauf.</translation>
    </message>
    <message>
        <source>Keeps the sign-in encrypted, with its key in the system keychain</source>
        <translation>Bewahrt die Anmeldung verschlüsselt auf, mit dem Schlüssel im Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>On any device, open &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt; and enter this code:</source>
        <translation>Öffnen Sie auf einem beliebigen Gerät &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt; und geben Sie diesen Code ein:</translation>
    </message>
    <message>
        <source>SecureMailMerge asks Microsoft only for these permissions, each for one reason:</source>
        <translation>SecureMailMerge fordert bei Microsoft nur diese Berechtigungen an, jede aus einem bestimmten Grund:</translation>
    </message>
    <message>
        <source>Sign in to Microsoft 365</source>
        <translation>Bei Microsoft 365 anmelden</translation>
    </message>
    <message>
        <source>Sign in with a code</source>
        <translation>Mit einem Code anmelden</translation>
    </message>
    <message>
        <source>Sign in with the browser</source>
        <translation>Mit dem Browser anmelden</translation>
    </message>
    <message>
        <source>Sign in with this computer&apos;s account</source>
        <translation>Mit dem Konto dieses Computers anmelden</translation>
    </message>
    <message>
        <source>Sign-in code</source>
        <translation>Anmeldecode</translation>
    </message>
    <message>
        <source>Signing in goes through this computer&apos;s own sign-in (Web Account Manager or Company Portal); where that is not available your browser opens, and where no browser opens you get a code to enter on any device.</source>
        <translation>Die Anmeldung läuft über die Anmeldung dieses Computers (Web Account Manager oder Unternehmensportal); wo diese nicht verfügbar ist, öffnet sich Ihr Browser, und wo sich kein Browser öffnet, erhalten Sie einen Code, den Sie auf einem beliebigen Gerät eingeben.</translation>
    </message>
    <message>
        <source>Signing in opens your browser; where no browser opens you get a code to enter on any device.</source>
        <translation>Zur Anmeldung öffnet sich Ihr Browser; wo sich kein Browser öffnet, erhalten Sie einen Code, den Sie auf einem beliebigen Gerät eingeben.</translation>
    </message>
    <message>
        <source>Stay signed in on this computer</source>
        <translation>Auf diesem Computer angemeldet bleiben</translation>
    </message>
    <message>
        <source>Waiting for Microsoft…</source>
        <translation>Warten auf Microsoft…</translation>
    </message>
</context>
<context>
    <name>Template</name>
    <message>
        <source>Error in the {part} at line {line}, column {column}: {detail}</source>
        <translation>Fehler in Zeile {line}, Spalte {column} ({part}): {detail}</translation>
    </message>
    <message>
        <source>HTML body</source>
        <translation>HTML-Text</translation>
    </message>
    <message>
        <source>The attachment name “{name}” would contain a line break.</source>
        <translation>Der Anlagenname „{name}“ würde einen Zeilenumbruch enthalten.</translation>
    </message>
    <message>
        <source>The subject would contain a line break; check the fields it uses: {fields}.</source>
        <translation>Der Betreff würde einen Zeilenumbruch enthalten; prüfen Sie die darin verwendeten Felder: {fields}.</translation>
    </message>
    <message>
        <source>The template cannot be saved to {file}: {reason}.</source>
        <translation>Die Vorlage kann nicht in {file} gespeichert werden: {reason}.</translation>
    </message>
    <message>
        <source>The template file {file} cannot be read: {reason}.</source>
        <translation>Die Vorlagendatei {file} kann nicht gelesen werden: {reason}.</translation>
    </message>
    <message>
        <source>The template file {file} is not a text file.</source>
        <translation>Die Vorlagendatei {file} ist keine Textdatei.</translation>
    </message>
    <message>
        <source>The template uses the field “{field}”, which is not a column of the recipients.</source>
        <translation>Die Vorlage verwendet das Feld „{field}“, das keine Spalte der Empfängerliste ist.</translation>
    </message>
    <message>
        <source>The template {file} cannot be used (“{key}”): {reason}.</source>
        <translation>Die Vorlage {file} kann nicht verwendet werden („{key}“): {reason}.</translation>
    </message>
    <message>
        <source>The template {file} has no &lt;title&gt;, which would be the subject.</source>
        <translation>Die Vorlage {file} hat kein &lt;title&gt;, das als Betreff dienen würde.</translation>
    </message>
    <message>
        <source>The template {file} is neither a .json nor an .html file.</source>
        <translation>Die Vorlage {file} ist weder eine .json- noch eine .html-Datei.</translation>
    </message>
    <message>
        <source>The template {file} is not valid JSON at line {line}, column {column}: {reason}.</source>
        <translation>Die Vorlage {file} ist in Zeile {line}, Spalte {column} kein gültiges JSON: {reason}.</translation>
    </message>
    <message>
        <source>The {part} cannot be filled in: {detail}.</source>
        <translation>Ausfüllen nicht möglich ({part}): {detail}.</translation>
    </message>
    <message>
        <source>The {part} tries something templates may not do: {detail}.</source>
        <translation>In Vorlagen nicht erlaubt ({part}): {detail}.</translation>
    </message>
    <message>
        <source>attachment name “{name}”</source>
        <translation>Anlagenname „{name}“</translation>
    </message>
    <message>
        <source>filling it in would make more than {limit} characters</source>
        <translation>das Ausfüllen würde mehr als {limit} Zeichen erzeugen</translation>
    </message>
    <message>
        <source>give either “{key}” or “{file_key}”, not both</source>
        <translation>geben Sie entweder „{key}“ oder „{file_key}“ an, nicht beides</translation>
    </message>
    <message>
        <source>it is missing</source>
        <translation>der Wert fehlt</translation>
    </message>
    <message>
        <source>it must be a column name</source>
        <translation>der Wert muss ein Spaltenname sein</translation>
    </message>
    <message>
        <source>it must be a file name</source>
        <translation>der Wert muss ein Dateiname sein</translation>
    </message>
    <message>
        <source>it must be a list of file names</source>
        <translation>der Wert muss eine Liste von Dateinamen sein</translation>
    </message>
    <message>
        <source>it must be text</source>
        <translation>der Wert muss Text sein</translation>
    </message>
    <message>
        <source>it must stay on one line</source>
        <translation>der Text muss in einer Zeile bleiben</translation>
    </message>
    <message>
        <source>it takes longer than {seconds} seconds to fill in</source>
        <translation>das Ausfüllen dauert länger als {seconds} Sekunden</translation>
    </message>
    <message>
        <source>it takes more than {limit} steps to fill in; a loop or a macro repeats too often</source>
        <translation>das Ausfüllen braucht mehr als {limit} Schritte; eine Schleife oder ein Makro wiederholt sich zu oft</translation>
    </message>
    <message>
        <source>plain-text body</source>
        <translation>Nur-Text</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>the file must hold one JSON object</source>
        <translation>die Datei muss ein JSON-Objekt enthalten</translation>
    </message>
    <message>
        <source>the number is too large</source>
        <translation>die Zahl ist zu groß</translation>
    </message>
    <message>
        <source>the number {number} given to “{name}” is too large (at most {limit})</source>
        <translation>die an „{name}“ übergebene Zahl {number} ist zu groß (höchstens {limit})</translation>
    </message>
    <message>
        <source>the repeated list would be too large</source>
        <translation>die wiederholte Liste wäre zu groß</translation>
    </message>
    <message>
        <source>the repeated text is too long</source>
        <translation>der wiederholte Text ist zu lang</translation>
    </message>
    <message>
        <source>the tag “{tag}” cannot be used: a template is one self-contained text</source>
        <translation>das Tag „{tag}“ kann nicht verwendet werden: Eine Vorlage ist ein in sich geschlossener Text</translation>
    </message>
    <message>
        <source>the tag “{tag}” cannot be used: merge data is always escaped in HTML</source>
        <translation>das Tag „{tag}“ kann nicht verwendet werden: Seriendruckdaten werden in HTML immer maskiert</translation>
    </message>
    <message>
        <source>the template is nested too deeply to read</source>
        <translation>die Vorlage ist zu tief verschachtelt, um gelesen zu werden</translation>
    </message>
    <message>
        <source>there is no filter “{name}”</source>
        <translation>es gibt keinen Filter „{name}“</translation>
    </message>
    <message>
        <source>there is no tag “{tag}”</source>
        <translation>es gibt kein Tag „{tag}“</translation>
    </message>
    <message>
        <source>there is no test “{name}”</source>
        <translation>es gibt keinen Test „{name}“</translation>
    </message>
    <message>
        <source>this key is unknown; the keys are {keys}</source>
        <translation>dieser Schlüssel ist unbekannt; gültige Schlüssel: {keys}</translation>
    </message>
    <message>
        <source>{detail}. A field name may hold letters, digits, spaces and hyphens; write any other character as an underscore, as in {example}</source>
        <translation>{detail}. Ein Feldname darf Buchstaben, Ziffern, Leerzeichen und Bindestriche enthalten; schreiben Sie jedes andere Zeichen als Unterstrich, wie in {example}</translation>
    </message>
    <message>
        <source>{file}: {error}</source>
        <translation>{file}: {error}</translation>
    </message>
    <message>
        <source>“{name}” is not a merge field, and templates cannot read it</source>
        <translation>„{name}“ ist kein Seriendruckfeld, und Vorlagen können es nicht lesen</translation>
    </message>
    <message>
        <source>“{name}” would make a text of more than {limit} characters</source>
        <translation>„{name}“ würde einen Text mit mehr als {limit} Zeichen erzeugen</translation>
    </message>
    <message>
        <source>“{opening}” is never closed with “{closing}”</source>
        <translation>„{opening}“ wird nie mit „{closing}“ geschlossen</translation>
    </message>
    <message>
        <source>“{tag}” does not close or continue any open “{opening}” here</source>
        <translation>„{tag}“ schließt hier kein offenes „{opening}“ und setzt keines fort</translation>
    </message>
</context>
<context>
    <name>Tenant</name>
    <message>
        <source>The proxy {url} in {file} must look like http://host:port.</source>
        <translation>Der Proxy {url} in {file} muss die Form http://host:port haben.</translation>
    </message>
    <message>
        <source>The setting {name} in {file} must be text.</source>
        <translation>Die Einstellung {name} in {file} muss Text sein.</translation>
    </message>
    <message>
        <source>The setting {name} in {file} must start with https://: {url}</source>
        <translation>Die Einstellung {name} in {file} muss mit https:// beginnen: {url}</translation>
    </message>
    <message>
        <source>The tenant configuration {file} does not exist.</source>
        <translation>Die Mandantenkonfiguration {file} ist nicht vorhanden.</translation>
    </message>
    <message>
        <source>The tenant configuration {file} has no client_id.</source>
        <translation>Die Mandantenkonfiguration {file} hat keine client_id.</translation>
    </message>
    <message>
        <source>The tenant configuration {file} has unknown settings: {names}</source>
        <translation>Die Mandantenkonfiguration {file} enthält unbekannte Einstellungen: {names}</translation>
    </message>
    <message>
        <source>The tenant configuration {file} is not valid JSON: {error}</source>
        <translation>Die Mandantenkonfiguration {file} ist kein gültiges JSON: {error}</translation>
    </message>
    <message>
        <source>ca_file in {file} is allowed only for the built-in sandbox on this computer.</source>
        <translation>ca_file in {file} ist nur für die integrierte Sandbox auf diesem Computer erlaubt.</translation>
    </message>
    <message>
        <source>{file} (for every user of this computer, set by your IT department)</source>
        <translation>{file} (für alle Benutzer dieses Computers, von Ihrer IT-Abteilung festgelegt)</translation>
    </message>
    <message>
        <source>{file} (given when the app was started)</source>
        <translation>{file} (beim Start der App angegeben)</translation>
    </message>
    <message>
        <source>{file} (the built-in sandbox on this computer)</source>
        <translation>{file} (die eingebaute Sandbox auf diesem Computer)</translation>
    </message>
    <message>
        <source>{file} (your own)</source>
        <translation>{file} (Ihre eigene)</translation>
    </message>
    <message>
        <source>{name} is set for every user of this computer in {file} and cannot be changed.</source>
        <translation>{name} ist in {file} für alle Benutzer dieses Computers festgelegt und kann nicht geändert werden.</translation>
    </message>
</context>
<context>
    <name>TenantPage</name>
    <message>
        <source>Application (client) ID</source>
        <translation>Anwendungs-ID (Client-ID)</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>In use now: {where}</source>
        <translation>Derzeit verwendet: {where}</translation>
    </message>
    <message>
        <source>License server</source>
        <translation>Lizenzserver</translation>
    </message>
    <message>
        <source>Microsoft Graph address</source>
        <translation>Microsoft-Graph-Adresse</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>Anmeldeadresse</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Where {setting} comes from</source>
        <translation>Herkunft von {setting}</translation>
    </message>
    <message>
        <source>built-in default</source>
        <translation>eingebauter Standard</translation>
    </message>
    <message>
        <source>none: the app works offline only</source>
        <translation>keine: Die App arbeitet nur offline</translation>
    </message>
    <message>
        <source>none: the system&apos;s proxy settings</source>
        <translation>keiner: die Proxy-Einstellungen des Systems</translation>
    </message>
    <message>
        <source>Your own settings are kept in {file}. IT&apos;s settings for every user of this computer are in {machine}.</source>
        <translation>Ihre eigenen Einstellungen stehen in {file}. Die Einstellungen der IT für alle Benutzer dieses Computers stehen in {machine}.</translation>
    </message>
    <message>
        <source>other ({host})</source>
        <translation>andere ({host})</translation>
    </message>
    <message>
        <source>required: the application ID of the app registration</source>
        <translation>erforderlich: die Anwendungs-ID der App-Registrierung</translation>
    </message>
    <message>
        <source>set by IT for every user (read-only)</source>
        <translation>von der IT für alle festgelegt (schreibgeschützt)</translation>
    </message>
    <message>
        <source>the built-in sandbox on this computer</source>
        <translation>die eingebaute Sandbox auf diesem Computer</translation>
    </message>
    <message>
        <source>your own file</source>
        <translation>Ihre eigene Datei</translation>
    </message>
    <message>
        <source>{name} in tenant.json</source>
        <translation>{name} in tenant.json</translation>
    </message>
</context>
<context>
    <name>TenantSwitch</name>
    <message>
        <source>This window keeps the tenant it was started with, {where}; changes here take effect the next time the app starts without it.</source>
        <translation>Dieses Fenster behält den Mandanten, mit dem es gestartet wurde: {where}. Änderungen hier gelten ab dem nächsten Start der App ohne diese Angabe.</translation>
    </message>
    <message>
        <source>A campaign is sending now: changes take effect as soon as it ends.</source>
        <translation>Gerade wird eine Kampagne gesendet: Änderungen gelten, sobald sie endet.</translation>
    </message>
    <message>
        <source>Changes take effect when you press OK: you sign in again, to the tenant set here.</source>
        <translation>Änderungen gelten, sobald Sie auf OK klicken: Sie melden sich erneut an, beim hier eingestellten Mandanten.</translation>
    </message>
    <message>
        <source>The new tenant settings take effect as soon as the campaign ends.</source>
        <translation>Die neuen Mandanteneinstellungen gelten, sobald die Kampagne endet.</translation>
    </message>
    <message>
        <source>No tenant is configured now: working offline.</source>
        <translation>Jetzt ist kein Mandant eingerichtet: Sie arbeiten offline.</translation>
    </message>
    <message>
        <source>Now using {where}.</source>
        <translation>Jetzt wird {where} verwendet.</translation>
    </message>
</context>
<context>
    <name>TokenCache</name>
    <message>
        <source>Stay signed in is unavailable because the keychain did not keep its key.</source>
        <translation>„Angemeldet bleiben“ ist nicht verfügbar, weil der Schlüsselbund den Schlüssel nicht behalten hat.</translation>
    </message>
    <message>
        <source>Stay signed in is unavailable because the keychain refused access: {error}</source>
        <translation>„Angemeldet bleiben“ ist nicht verfügbar, weil der Schlüsselbund den Zugriff verweigert hat: {error}</translation>
    </message>
    <message>
        <source>Stay signed in needs the system keychain (Windows Credential Manager, macOS Keychain or a Secret Service such as GNOME Keyring) and none is available on this computer. You will be asked to sign in each time the app starts.</source>
        <translation>„Angemeldet bleiben“ benötigt den Schlüsselbund des Systems (Windows-Anmeldeinformationsverwaltung, macOS-Schlüsselbund oder einen Secret Service wie GNOME Keyring), aber auf diesem Computer ist keiner verfügbar. Sie werden bei jedem Start der App zur Anmeldung aufgefordert.</translation>
    </message>
</context>
<context>
    <name>XlsxFile</name>
    <message>
        <source>Cannot open {path}: {reason}</source>
        <translation>{path} kann nicht geöffnet werden: {reason}</translation>
    </message>
    <message>
        <source>Row {row} of the sheet {sheet!r} of {file} is empty: it cannot be the header.</source>
        <translation>Zeile {row} des Tabellenblatts {sheet!r} von {file} ist leer: Sie kann nicht die Kopfzeile sein.</translation>
    </message>
    <message>
        <source>The sheet {sheet!r} of {file} is empty: it has no header row and no recipients.</source>
        <translation>Das Blatt {sheet!r} von {file} ist leer: Es hat weder Kopfzeile noch Empfänger.</translation>
    </message>
    <message>
        <source>{file} cannot be read as an Excel workbook (.xlsx): it is damaged or in another format. Open it in Excel and save it again as .xlsx, or export the recipients as CSV.</source>
        <translation>{file} kann nicht als Excel-Arbeitsmappe (.xlsx) gelesen werden: Die Datei ist beschädigt oder hat ein anderes Format. Öffnen Sie sie in Excel, und speichern Sie sie erneut als .xlsx, oder exportieren Sie die Empfänger als CSV.</translation>
    </message>
    <message>
        <source>{file} has no sheet named {sheet!r}. Its sheets are: {sheets}.</source>
        <translation>{file} enthält kein Blatt namens {sheet!r}. Vorhandene Blätter: {sheets}.</translation>
    </message>
    <message>
        <source>{file} has no worksheet.</source>
        <translation>{file} enthält kein Arbeitsblatt.</translation>
    </message>
    <message>
        <source>{file} is a web page (HTML) with an Excel name, not a workbook. Open it in Excel and save it as Excel workbook (.xlsx), or export the recipients as CSV.</source>
        <translation>{file} ist eine Webseite (HTML) mit einem Excel-Namen, keine Arbeitsmappe. Öffnen Sie sie in Excel und speichern Sie sie als Excel-Arbeitsmappe (.xlsx), oder exportieren Sie die Empfänger als CSV.</translation>
    </message>
    <message>
        <source>{file} is protected with a password. Open it in Excel and save it without a password (File &gt; Info &gt; Protect Workbook &gt; Encrypt with Password, then clear it), or export it as CSV.</source>
        <translation>{file} ist mit einem Kennwort geschützt. Öffnen Sie die Datei in Excel und speichern Sie sie ohne Kennwort (Datei &gt; Informationen &gt; Arbeitsmappe schützen &gt; Mit Kennwort verschlüsseln, dann leeren), oder exportieren Sie sie als CSV.</translation>
    </message>
    <message>
        <source>{file} is refused: its compressed content would inflate far beyond what a recipient list needs (it may be built to exhaust memory). Open it in Excel and save it again, or export the recipients as CSV.</source>
        <translation>{file} wird abgelehnt: Ihr komprimierter Inhalt würde sich weit über das hinaus entpacken, was eine Empfängerliste braucht (sie kann gebaut sein, um den Speicher zu erschöpfen). Öffnen Sie sie in Excel und speichern Sie sie erneut, oder exportieren Sie die Empfänger als CSV.</translation>
    </message>
    <message>
        <source>{file}: column(s) {columns} hold values but have no name in the header row {row}. Give each column a name.</source>
        <translation>{file}: Spalte(n) {columns} enthalten Werte, haben aber in der Kopfzeile {row} keinen Namen. Geben Sie jeder Spalte einen Namen.</translation>
    </message>
    <message>
        <source>{file}: the header cell {cell} is merged over {merged}, so its other columns have no name. Unmerge the header cells and give each column its own name.</source>
        <translation>{file}: Die Kopfzelle {cell} ist über {merged} verbunden, daher haben ihre übrigen Spalten keinen Namen. Heben Sie die Verbindung der Kopfzellen auf und geben Sie jeder Spalte einen eigenen Namen.</translation>
    </message>
</context>
</TS>
