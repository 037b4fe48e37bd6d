<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About SecureMailMerge</source>
        <translation>Acerca de SecureMailMerge</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Hosts the app contacts</source>
        <translation>Hosts que contacta la aplicación</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>License: {state}</source>
        <translation>Licencia: {state}</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>Métodos</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <source>SecureMailMerge {version}</source>
        <translation>SecureMailMerge {version}</translation>
    </message>
    <message>
        <source>Tenant configuration: {where}</source>
        <translation>Configuración del inquilino: {where}</translation>
    </message>
    <message>
        <source>The app contacts only these hosts, over HTTPS on port {port}:</source>
        <translation>La aplicación solo contacta con estos hosts, por HTTPS en el puerto {port}:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>none: the app works offline only</source>
        <translation>ninguna: la aplicación solo funciona sin conexión</translation>
    </message>
</context>
<context>
    <name>AccountStep</name>
    <message>
        <source>A shared mailbox:</source>
        <translation>Un buzón compartido:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Messages go out from {address}.</source>
        <translation>Los mensajes salen de {address}.</translation>
    </message>
    <message>
        <source>My own mailbox</source>
        <translation>Mi propio buzón</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
    <message>
        <source>Permissions asked of Microsoft 365</source>
        <translation>Permisos solicitados a Microsoft 365</translation>
    </message>
    <message>
        <source>Send from</source>
        <translation>Enviar desde</translation>
    </message>
    <message>
        <source>Shared mailbox address</source>
        <translation>Dirección del buzón compartido</translation>
    </message>
    <message>
        <source>Sign in to see the address messages go out from.</source>
        <translation>Inicie sesión para ver la dirección desde la que salen los mensajes.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Iniciar sesión…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Signed-in mailbox</source>
        <translation>Buzón con sesión iniciada</translation>
    </message>
    <message>
        <source>Stay signed in on this computer</source>
        <translation>Mantener la sesión iniciada en este ordenador</translation>
    </message>
    <message>
        <source>This account has no mailbox to send from.</source>
        <translation>Esta cuenta no tiene un buzón desde el que enviar.</translation>
    </message>
    <message>
        <source>Use this mailbox</source>
        <translation>Usar este buzón</translation>
    </message>
    <message>
        <source>You can open recipients, write the message and preview it without signing in. Sign in to use Outlook contacts and to send.</source>
        <translation>Puede abrir destinatarios, escribir el mensaje y verlo en vista previa sin iniciar sesión. Inicie sesión para usar los contactos de Outlook y para enviar.</translation>
    </message>
    <message>
        <source>sales@contoso.com</source>
        <translation>ventas@contoso.com</translation>
    </message>
</context>
<context>
    <name>AddressBook</name>
    <message>
        <source>{source} has no contact folder {folder!r}. Its folders are: {folders} (/ is Contacts).</source>
        <translation>{source}: no hay ninguna carpeta de contactos {folder!r}. Sus carpetas son: {folders} (/ es Contactos).</translation>
    </message>
    <message>
        <source>{value!r} does not say which address to use: write first, all, a number such as 2, or a domain such as @example.com.</source>
        <translation>{value!r} no indica qué dirección usar: escriba first, all, un número como 2 o un dominio como @example.com.</translation>
    </message>
</context>
<context>
    <name>Addresses</name>
    <message>
        <source>it contains a line break</source>
        <translation>contiene un salto de línea</translation>
    </message>
    <message>
        <source>it contains characters that reverse the direction of the text, which can hide what it says</source>
        <translation>contiene caracteres que invierten la dirección del texto y pueden ocultar lo que dice</translation>
    </message>
    <message>
        <source>it has no @ sign</source>
        <translation>no tiene el signo @</translation>
    </message>
    <message>
        <source>it is an Exchange directory (X.500) name, not an internet address; export the contact again with its SMTP address</source>
        <translation>es un nombre de directorio de Exchange (X.500), no una dirección de internet; exporte el contacto de nuevo con su dirección SMTP</translation>
    </message>
    <message>
        <source>it is not written like an email address</source>
        <translation>no está escrita como una dirección de correo electrónico</translation>
    </message>
    <message>
        <source>its domain mixes letters of several scripts ({scripts}), which can imitate another domain</source>
        <translation>su dominio mezcla letras de varias escrituras ({scripts}), lo que puede imitar otro dominio</translation>
    </message>
    <message>
        <source>its name “{name}” is itself another address; the message goes to {address}</source>
        <translation>su nombre «{name}» es en sí otra dirección; el mensaje va a {address}</translation>
    </message>
    <message>
        <source>the name before the address contains a control character</source>
        <translation>el nombre delante de la dirección contiene un carácter de control</translation>
    </message>
    <message>
        <source>the part after the @ sign is not a valid domain</source>
        <translation>la parte posterior al signo @ no es un dominio válido</translation>
    </message>
    <message>
        <source>the part before the @ sign is not valid</source>
        <translation>la parte anterior al signo @ no es válida</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>The file “{name}” does not exist in the folder {base}.</source>
        <translation>El archivo «{name}» no existe en la carpeta {base}.</translation>
    </message>
    <message>
        <source>The file “{name}” lies outside the folder {base}.</source>
        <translation>El archivo «{name}» está fuera de la carpeta {base}.</translation>
    </message>
    <message>
        <source>The folder {base} for attachments does not exist.</source>
        <translation>La carpeta {base} de archivos adjuntos no existe.</translation>
    </message>
    <message>
        <source>“{name}” in the folder {base} is not a file.</source>
        <translation>«{name}» de la carpeta {base} no es un archivo.</translation>
    </message>
    <message>
        <source>“{name}” is an absolute path; name it relative to the folder {base}.</source>
        <translation>«{name}» es una ruta absoluta; indíquela de forma relativa a la carpeta {base}.</translation>
    </message>
    <message>
        <source>“{name}” is not a usable file name.</source>
        <translation>«{name}» no es un nombre de archivo utilizable.</translation>
    </message>
</context>
<context>
    <name>Auth</name>
    <message>
        <source>No web browser could be opened here. Sign in with a code instead.</source>
        <translation>No se pudo abrir ningún explorador web aquí. Inicie sesión con un código.</translation>
    </message>
    <message>
        <source>On any device, open {url} and enter the code {code} to sign in.</source>
        <translation>En cualquier dispositivo, abra {url} y escriba el código {code} para iniciar sesión.</translation>
    </message>
    <message>
        <source>Sign-in did not complete. Return to SecureMailMerge for details.</source>
        <translation>No se completó el inicio de sesión. Vuelva a SecureMailMerge para ver los detalles.</translation>
    </message>
    <message>
        <source>Sign-in failed ({code}): {reason}</source>
        <translation>Error al iniciar sesión ({code}): {reason}</translation>
    </message>
    <message>
        <source>Sign-in in the browser was not finished in time. Please try again.</source>
        <translation>El inicio de sesión en el explorador no terminó a tiempo. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled or refused in the browser: {reason}</source>
        <translation>El inicio de sesión se canceló o se rechazó en el explorador: {reason}</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Se canceló el inicio de sesión.</translation>
    </message>
    <message>
        <source>Sign-in was declined. You can start it again when you are ready.</source>
        <translation>Se rechazó el inicio de sesión. Puede volver a empezarlo cuando esté listo.</translation>
    </message>
    <message>
        <source>The app registration lacks the redirect addresses the sign-in broker needs; ask your IT department to add them (see the README).</source>
        <translation>Al registro de la aplicación le faltan las direcciones de redirección que necesita el intermediario de inicio de sesión; pida a su departamento de TI que las añada (consulte el README).</translation>
    </message>
    <message>
        <source>The sign-in broker of this computer is not available.</source>
        <translation>El intermediario de inicio de sesión de este equipo no está disponible.</translation>
    </message>
    <message>
        <source>The sign-in code expired before it was used. Start the sign-in again for a new code.</source>
        <translation>El código de inicio de sesión caducó antes de usarse. Vuelva a iniciar sesión para obtener un código nuevo.</translation>
    </message>
    <message>
        <source>The sign-in service did not say who signed in (no id token).</source>
        <translation>El servicio de inicio de sesión no indicó quién inició sesión (sin token de identificador).</translation>
    </message>
    <message>
        <source>The sign-in service gave an answer the app cannot use.</source>
        <translation>El servicio de inicio de sesión dio una respuesta que la aplicación no puede usar.</translation>
    </message>
    <message>
        <source>The sign-in service {authority} gave an answer the app cannot use: {reason}</source>
        <translation>El servicio de inicio de sesión {authority} dio una respuesta que la aplicación no puede usar: {reason}</translation>
    </message>
    <message>
        <source>The sign-in service {host} answered with a redirect (HTTP {status}), which is refused.</source>
        <translation>El servicio de inicio de sesión {host} respondió con una redirección (HTTP {status}), que se rechaza.</translation>
    </message>
    <message>
        <source>The sign-in service {host} is not available right now (HTTP {status}). Try again later.</source>
        <translation>El servicio de inicio de sesión {host} no está disponible ahora mismo (HTTP {status}). Inténtelo más tarde.</translation>
    </message>
    <message>
        <source>This app is not registered for your organisation&apos;s tenant; ask your IT department to register it (see the README): {reason}</source>
        <translation>Esta aplicación no está registrada en el inquilino de su organización; pida a su departamento de TI que la registre (consulte el README): {reason}</translation>
    </message>
    <message>
        <source>This is not the sign-in answer SecureMailMerge is waiting for.</source>
        <translation>Esta no es la respuesta de inicio de sesión que espera SecureMailMerge.</translation>
    </message>
    <message>
        <source>You are not signed in. Please sign in.</source>
        <translation>No ha iniciado sesión. Inicie sesión.</translation>
    </message>
    <message>
        <source>You are signed in to SecureMailMerge. You can close this tab.</source>
        <translation>Ha iniciado sesión en SecureMailMerge. Puede cerrar esta pestaña.</translation>
    </message>
    <message>
        <source>Your sign-in has expired or was revoked. Please sign in again ({code}).</source>
        <translation>Su sesión ha caducado o se ha revocado. Vuelva a iniciar sesión ({code}).</translation>
    </message>
</context>
<context>
    <name>Bounces</name>
    <message>
        <source>The address does not exist (unknown recipient).</source>
        <translation>La dirección no existe (destinatario desconocido).</translation>
    </message>
    <message>
        <source>The domain does not exist.</source>
        <translation>El dominio no existe.</translation>
    </message>
    <message>
        <source>The message could not be delivered (status {code}).</source>
        <translation>No se pudo entregar el mensaje (estado {code}).</translation>
    </message>
    <message>
        <source>The recipient was not found in their organisation (unknown address).</source>
        <translation>No se encontró al destinatario en su organización (dirección desconocida).</translation>
    </message>
    <message>
        <source>The recipient&apos;s mailbox is full.</source>
        <translation>El buzón del destinatario está lleno.</translation>
    </message>
    <message>
        <source>The recipient&apos;s server does not accept mail for this address.</source>
        <translation>El servidor del destinatario no acepta correo para esta dirección.</translation>
    </message>
    <message>
        <source>The recipient&apos;s server refused the message (status {code}).</source>
        <translation>El servidor del destinatario rechazó el mensaje (estado {code}).</translation>
    </message>
    <message>
        <source>Your mailbox reached its daily limit for recipients; it cannot send for a while.</source>
        <translation>Su buzón alcanzó su límite diario de destinatarios; no puede enviar durante un tiempo.</translation>
    </message>
    <message>
        <source>Your organisation reached its daily limit for external recipients.</source>
        <translation>Su organización alcanzó su límite diario de destinatarios externos.</translation>
    </message>
</context>
<context>
    <name>Campaign</name>
    <message>
        <source>A scheduled campaign needs a time (--at) or a column of times.</source>
        <translation>Una campaña programada necesita una hora (--at) o una columna de horas.</translation>
    </message>
    <message>
        <source>Exchange accepted the message; its copy was not yet in Sent Items when checked.</source>
        <translation>Exchange aceptó el mensaje; su copia aún no estaba en Elementos enviados al comprobarlo.</translation>
    </message>
    <message>
        <source>Marked as unsubscribed in the recipient list.</source>
        <translation>Marcado como dado de baja en la lista de destinatarios.</translation>
    </message>
    <message>
        <source>Microsoft 365 could not be reached or kept throttling</source>
        <translation>no se pudo acceder a Microsoft 365 o siguió limitando</translation>
    </message>
    <message>
        <source>Microsoft Graph copied a draft without an id.</source>
        <translation>Microsoft Graph copió un borrador sin id.</translation>
    </message>
    <message>
        <source>Microsoft Graph created a draft without an id.</source>
        <translation>Microsoft Graph creó un borrador sin id.</translation>
    </message>
    <message>
        <source>Microsoft Graph opened an upload session without an address.</source>
        <translation>Microsoft Graph abrió una sesión de carga sin dirección.</translation>
    </message>
    <message>
        <source>No row is ready to send, so no campaign was started.</source>
        <translation>Ninguna fila está lista para enviar, así que no se inició ninguna campaña.</translation>
    </message>
    <message>
        <source>Row {row} has no address to send to.</source>
        <translation>La fila {row} no tiene ninguna dirección a la que enviar.</translation>
    </message>
    <message>
        <source>Left out by you.</source>
        <translation>Excluida por usted.</translation>
    </message>
    <message>
        <source>No row is ready to send.</source>
        <translation>Ninguna fila está lista para enviar.</translation>
    </message>
    <message>
        <source>On your do-not-contact list.</source>
        <translation>En su lista de no contactar.</translation>
    </message>
    <message>
        <source>Paused at your request.</source>
        <translation>En pausa a petición suya.</translation>
    </message>
    <message>
        <source>Paused: Exchange reports that your mailbox reached its daily limit for recipients (5.1.90). Resume the campaign tomorrow.</source>
        <translation>En pausa: Exchange informa de que su buzón alcanzó su límite diario de destinatarios (5.1.90). Reanude la campaña mañana.</translation>
    </message>
    <message>
        <source>Replied to ask to be unsubscribed.</source>
        <translation>Respondió pidiendo darse de baja.</translation>
    </message>
    <message>
        <source>Row {row} is not a ready row of the list.</source>
        <translation>La fila {row} no es una fila lista de la lista.</translation>
    </message>
    <message>
        <source>SecureMailMerge: attachments shared by a campaign</source>
        <translation>SecureMailMerge: adjuntos comunes de una campaña</translation>
    </message>
    <message>
        <source>Sent with SecureMailMerge</source>
        <translation>Enviado con SecureMailMerge</translation>
    </message>
    <message>
        <source>The attachment {name} cannot be read: {reason}</source>
        <translation>No se puede leer el adjunto {name}: {reason}</translation>
    </message>
    <message>
        <source>The campaign journal {file} cannot be read: {reason}</source>
        <translation>No se puede leer el registro de la campaña {file}: {reason}</translation>
    </message>
    <message>
        <source>The do-not-contact file {file} cannot be read: {reason}</source>
        <translation>No se puede leer el archivo de no contactar {file}: {reason}</translation>
    </message>
    <message>
        <source>The recipient list has no column {column}.</source>
        <translation>La lista de destinatarios no tiene la columna {column}.</translation>
    </message>
    <message>
        <source>Unknown mode {mode}.</source>
        <translation>Modo desconocido {mode}.</translation>
    </message>
    <message>
        <source>[Test]</source>
        <translation>[Prueba]</translation>
    </message>
    <message>
        <source>draft found in Drafts: it is completed and sent</source>
        <translation>borrador encontrado en Borradores: se completa y se envía</translation>
    </message>
    <message>
        <source>found in Sent Items: it was sent already</source>
        <translation>encontrado en Elementos enviados: ya se envió</translation>
    </message>
    <message>
        <source>found in the Outbox: it leaves at its scheduled time</source>
        <translation>encontrado en la Bandeja de salida: sale a la hora programada</translation>
    </message>
    <message>
        <source>found in the Outbox: it was accepted and is on its way</source>
        <translation>encontrado en la Bandeja de salida: se aceptó y está en camino</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importada</translation>
    </message>
    <message>
        <source>no current draft: it is made again</source>
        <translation>no hay un borrador actual: se crea de nuevo</translation>
    </message>
    <message>
        <source>outside the sending window</source>
        <translation>fuera de la ventana de envío</translation>
    </message>
    <message>
        <source>sent messages whose copies are still on their way to Sent Items</source>
        <translation>mensajes enviados cuyas copias aún van camino de Elementos enviados</translation>
    </message>
    <message>
        <source>sent, not yet confirmed</source>
        <translation>enviado, aún sin confirmar</translation>
    </message>
    <message>
        <source>still a draft: its send was not accepted and is asked for again</source>
        <translation>sigue siendo un borrador: su envío no se aceptó y se solicita de nuevo</translation>
    </message>
    <message>
        <source>the daily recipient cap is reached</source>
        <translation>se alcanzó el límite diario de destinatarios</translation>
    </message>
    <message>
        <source>{address} cannot be added: {reason}.</source>
        <translation>No se puede añadir {address}: {reason}.</translation>
    </message>
    <message>
        <source>{file}:{row}: {address} is not an email address.</source>
        <translation>{file}:{row}: {address} no es una dirección de correo.</translation>
    </message>
    <message>
        <source>{folder} already holds a campaign; resume it or choose another folder.</source>
        <translation>{folder} ya contiene una campaña; reanúdela o elija otra carpeta.</translation>
    </message>
    <message>
        <source>{folder} holds no campaign (no {file}).</source>
        <translation>{folder} no contiene ninguna campaña (no hay {file}).</translation>
    </message>
    <message>
        <source>{location}, column {column}: {problem}</source>
        <translation>{location}, columna {column}: {problem}</translation>
    </message>
    <message>
        <source>{text} is not a time like 2026-05-04 09:30.</source>
        <translation>{text} no es una hora como 2026-05-04 09:30.</translation>
    </message>
</context>
<context>
    <name>CampaignFile</name>
    <message>
        <source>The campaign cannot be saved to {file}: {reason}.</source>
        <translation>La campaña no se puede guardar en {file}: {reason}.</translation>
    </message>
    <message>
        <source>The campaign file {file} cannot be read: {reason}.</source>
        <translation>El archivo de campaña {file} no se puede leer: {reason}.</translation>
    </message>
    <message>
        <source>The campaign file {file} cannot be used (“{field}”): {reason}.</source>
        <translation>El archivo de campaña {file} no se puede usar («{field}»): {reason}.</translation>
    </message>
    <message>
        <source>The campaign file {file} is damaged: not valid JSON at line {line}, column {column} ({reason}).</source>
        <translation>El archivo de campaña {file} está dañado: JSON no válido en la línea {line}, columna {column} ({reason}).</translation>
    </message>
    <message>
        <source>The campaign file {file} was saved by a newer SecureMailMerge (format {version}); this version opens format {supported} and older. Please update SecureMailMerge to open it.</source>
        <translation>El archivo de campaña {file} se guardó con un SecureMailMerge más reciente (formato {version}); esta versión abre el formato {supported} y anteriores. Actualice SecureMailMerge para abrirlo.</translation>
    </message>
    <message>
        <source>it is missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>it must be a JSON object</source>
        <translation>debe ser un objeto JSON</translation>
    </message>
    <message>
        <source>it must be a list of names</source>
        <translation>debe ser una lista de nombres</translation>
    </message>
    <message>
        <source>it must be a list of row numbers</source>
        <translation>debe ser una lista de números de fila</translation>
    </message>
    <message>
        <source>it must be a time in UTC like 2026-03-01T09:00:00Z</source>
        <translation>debe ser un momento en UTC como 2026-03-01T09:00:00Z</translation>
    </message>
    <message>
        <source>it must be a time like 08:30</source>
        <translation>debe ser una hora como 08:30</translation>
    </message>
    <message>
        <source>it must be a whole number from 1</source>
        <translation>debe ser un número entero a partir de 1</translation>
    </message>
    <message>
        <source>it must be a whole number from {low} to {high}</source>
        <translation>debe ser un número entero de {low} a {high}</translation>
    </message>
    <message>
        <source>it must be one character</source>
        <translation>debe ser un solo carácter</translation>
    </message>
    <message>
        <source>it must be one of {modes}</source>
        <translation>debe ser uno de {modes}</translation>
    </message>
    <message>
        <source>it must be text</source>
        <translation>debe ser texto</translation>
    </message>
    <message>
        <source>it must be true or false</source>
        <translation>debe ser true o false</translation>
    </message>
    <message>
        <source>it must be “file” or “contacts”</source>
        <translation>debe ser «file» o «contacts»</translation>
    </message>
    <message>
        <source>it must not be blank</source>
        <translation>no puede estar vacío</translation>
    </message>
    <message>
        <source>no such text encoding</source>
        <translation>no existe esa codificación de texto</translation>
    </message>
    <message>
        <source>this field is unknown; the fields here are {keys}</source>
        <translation>este campo es desconocido; los campos aquí son {keys}</translation>
    </message>
    <message>
        <source>{file} is not a SecureMailMerge campaign file.</source>
        <translation>{file} no es un archivo de campaña de SecureMailMerge.</translation>
    </message>
    <message>
        <source>{file} is too large to be a campaign file.</source>
        <translation>{file} es demasiado grande para ser un archivo de campaña.</translation>
    </message>
</context>
<context>
    <name>CampaignFiles</name>
    <message>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <source>Campaigns (*{extension})</source>
        <translation>Campañas (*{extension})</translation>
    </message>
    <message>
        <source>Do you want to save the changes to {name}?</source>
        <translation>¿Desea guardar los cambios en {name}?</translation>
    </message>
    <message>
        <source>Don&apos;t Save</source>
        <translation>No guardar</translation>
    </message>
    <message>
        <source>Open campaign</source>
        <translation>Abrir campaña</translation>
    </message>
    <message>
        <source>Opened {file}.</source>
        <translation>{file} abierto.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unsaved campaigns are kept for the next start.</source>
        <translation>
            <numerusform>Se conserva %Ln campaña sin guardar para el próximo inicio.</numerusform>
            <numerusform>Se conservan %Ln campañas sin guardar para el próximo inicio.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover campaign</source>
        <translation>Recuperar campaña</translation>
    </message>
    <message>
        <source>Save campaign</source>
        <translation>Guardar campaña</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>{file} guardado.</translation>
    </message>
    <message>
        <source>SecureMailMerge did not close properly. Recover the unsaved changes to {name}?</source>
        <translation>SecureMailMerge no se cerró correctamente. ¿Recuperar los cambios sin guardar en {name}?</translation>
    </message>
    <message>
        <source>Sign in to load this campaign&apos;s contacts.</source>
        <translation>Inicie sesión para cargar los contactos de esta campaña.</translation>
    </message>
    <message>
        <source>The campaign&apos;s recipients cannot be loaded: {error}</source>
        <translation>No se pueden cargar los destinatarios de la campaña: {error}</translation>
    </message>
    <message>
        <source>Unsaved campaign</source>
        <translation>Campaña sin guardar</translation>
    </message>
    <message>
        <source>Unsaved changes cannot be autosaved: {error}</source>
        <translation>Los cambios sin guardar no se pueden guardar automáticamente: {error}</translation>
    </message>
    <message>
        <source>Untitled campaign</source>
        <translation>Campaña sin título</translation>
    </message>
    <message>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation>Sus cambios se perderán si no los guarda.</translation>
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
        <translation>No se puede leer la lista de categorías de {mailbox} ({code}: su cuenta no tiene permisos de revisor en el calendario del buzón, donde Outlook guarda la lista). En su lugar se muestran las {count} categorías encontradas en sus contactos.</translation>
    </message>
    <message>
        <source>reviewer rights on its calendar</source>
        <translation>permisos de revisor en su calendario</translation>
    </message>
    <message>
        <source>the category list</source>
        <translation>la lista de categorías</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>(no valid address)</source>
        <translation>(ninguna dirección válida)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Add --sign-in browser (or --sign-in code) to sign in for this command.</source>
        <translation>Añada --sign-in browser (o --sign-in code) para iniciar sesión para este comando.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Archivo adjunto</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>CCO</translation>
    </message>
    <message>
        <source>Campaign {folder}: {pending} of {total} to go, from {mailbox}, mode {mode}.</source>
        <translation>Campaña {folder}: faltan {pending} de {total}, desde {mailbox}, modo {mode}.</translation>
    </message>
    <message>
        <source>Cancelled; {count} unsent drafts deleted.</source>
        <translation>Cancelado; se eliminaron {count} borradores sin enviar.</translation>
    </message>
    <message>
        <source>Categories: {problem}</source>
        <translation>Categorías: {problem}</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>CC</translation>
    </message>
    <message>
        <source>Contacts without an address: {names}</source>
        <translation>Contactos sin dirección: {names}</translation>
    </message>
    <message>
        <source>Create {count} drafts in the Drafts of your mailbox, to be sent as {mailbox}?</source>
        <translation>¿Crear {count} borradores en Borradores de su buzón, para enviar como {mailbox}?</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>From: {sender} (the signed-in mailbox)</source>
        <translation>Remitente: {sender} (el buzón con la sesión iniciada)</translation>
    </message>
    <message>
        <source>Interrupted. Every step so far is in the journal.</source>
        <translation>Interrumpido. Cada paso hasta ahora está en el registro.</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>License: {outcome}</source>
        <translation>Licencia: {outcome}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>No category named {names} in {mailbox}; it has no categories.</source>
        <translation>No hay ninguna categoría llamada {names} en {mailbox}; no tiene categorías.</translation>
    </message>
    <message>
        <source>No category named {names} in {mailbox}; its categories are: {known}.</source>
        <translation>No hay ninguna categoría {names} en {mailbox}; sus categorías son: {known}.</translation>
    </message>
    <message>
        <source>No tenant is configured: pass --tenant-config FILE, set {env} to the file, or put it at {machine} or {user}.</source>
        <translation>No hay ningún inquilino configurado: indique --tenant-config ARCHIVO, establezca {env} con el archivo o colóquelo en {machine} o {user}.</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>No se envió nada.</translation>
    </message>
    <message>
        <source>Personal mail merge for Microsoft 365, checked on your computer.</source>
        <translation>Combinación de correspondencia personal para Microsoft 365, comprobada en su equipo.</translation>
    </message>
    <message>
        <source>Ready: {ready}; without an address: {empty}; invalid addresses: {invalid}; duplicates: {duplicates}.</source>
        <translation>Listos: {ready}; sin dirección: {empty}; direcciones no válidas: {invalid}; duplicados: {duplicates}.</translation>
    </message>
    <message>
        <source>Reply-To</source>
        <translation>Responder a</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Row {row} bounced ({code}): {reason}</source>
        <translation>La fila {row} rebotó ({code}): {reason}</translation>
    </message>
    <message>
        <source>Row {row} failed ({code}): {reason}</source>
        <translation>La fila {row} falló ({code}): {reason}</translation>
    </message>
    <message>
        <source>Row {row}: {how}</source>
        <translation>Fila {row}: {how}</translation>
    </message>
    <message>
        <source>Run: securemailmerge signin --stay-signed-in</source>
        <translation>Ejecute: securemailmerge signin --stay-signed-in</translation>
    </message>
    <message>
        <source>Schedule {count} messages from {mailbox} (they wait in the Outbox)?</source>
        <translation>¿Programar {count} mensajes desde {mailbox} (esperan en la Bandeja de salida)?</translation>
    </message>
    <message>
        <source>Send {count} messages now from {mailbox}?</source>
        <translation>¿Enviar ahora {count} mensajes desde {mailbox}?</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Sign in in the browser window that opens now.</source>
        <translation>Inicie sesión en la ventana del explorador que se abre ahora.</translation>
    </message>
    <message>
        <source>Sign in in the window of this computer&apos;s sign-in that opens now.</source>
        <translation>Inicie sesión en la ventana de inicio de sesión de este equipo que se abre ahora.</translation>
    </message>
    <message>
        <source>Signed in as {name} ({account}).</source>
        <translation>Sesión iniciada como {name} ({account}).</translation>
    </message>
    <message>
        <source>Signed out. Nothing of your sign-in is kept on this computer.</source>
        <translation>Sesión cerrada. No se conserva nada de su sesión en este equipo.</translation>
    </message>
    <message>
        <source>Some rows were left out; run check to see why.</source>
        <translation>Se omitieron algunas filas; ejecute check para ver por qué.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Tenant configuration: {where}</source>
        <translation>Configuración del inquilino: {where}</translation>
    </message>
    <message>
        <source>Test message for row {row} sent to {address}.</source>
        <translation>Mensaje de prueba de la fila {row} enviado a {address}.</translation>
    </message>
    <message>
        <source>The messages have no From address: Outlook fills in your account when you open one (add --from ADDRESS to write it into the files).</source>
        <translation>Los mensajes no tienen dirección de remitente: Outlook pone su cuenta al abrir uno (añada --from DIRECCIÓN para escribirla en los archivos).</translation>
    </message>
    <message>
        <source>The sign-in ends with this command. To stay signed in for the next commands, add --stay-signed-in.</source>
        <translation>La sesión termina con este comando. Para mantenerla iniciada en los próximos comandos, agregue --stay-signed-in.</translation>
    </message>
    <message>
        <source>This campaign belongs to {planned}, but {signed_in} is signed in; sign in as {planned}.</source>
        <translation>Esta campaña pertenece a {planned}, pero ha iniciado sesión {signed_in}; inicie sesión como {planned}.</translation>
    </message>
    <message>
        <source>This row is left out and would not be sent: {reasons}</source>
        <translation>Esta fila queda fuera y no se enviaría: {reasons}</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>To continue: securemailmerge resume --campaign {folder}</source>
        <translation>Para continuar: securemailmerge resume --campaign {folder}</translation>
    </message>
    <message>
        <source>Use a code instead: securemailmerge signin --device-code (or --sign-in code)</source>
        <translation>Use un código en su lugar: securemailmerge signin --device-code (o --sign-in code)</translation>
    </message>
    <message>
        <source>Waiting until {time}: {why}.</source>
        <translation>Esperando hasta {time}: {why}.</translation>
    </message>
    <message>
        <source>Wrote {count} addresses to {file}.</source>
        <translation>Se escribieron {count} direcciones en {file}.</translation>
    </message>
    <message>
        <source>Wrote {count} contacts to standard output.</source>
        <translation>Se escribieron {count} contactos en la salida estándar.</translation>
    </message>
    <message>
        <source>Wrote {count} contacts to {file}.</source>
        <translation>Se escribieron {count} contactos en {file}.</translation>
    </message>
    <message>
        <source>Wrote {count} messages to {folder}</source>
        <translation>Se escribieron {count} mensajes en {folder}</translation>
    </message>
    <message>
        <source>Wrote {count} rows to {file}.</source>
        <translation>Se escribieron {count} filas en {file}.</translation>
    </message>
    <message>
        <source>You are not signed in, and this computer cannot keep a sign-in ({reason}).</source>
        <translation>No ha iniciado sesión, y este equipo no puede guardar una sesión ({reason}).</translation>
    </message>
    <message>
        <source>You are not signed in, and this computer has no system keychain to keep a sign-in in.</source>
        <translation>No ha iniciado sesión, y este equipo no tiene un llavero del sistema donde guardar una sesión.</translation>
    </message>
    <message>
        <source>You are not signed in; run: securemailmerge signin --stay-signed-in, or add --sign-in browser (or code) to sign in for this command only</source>
        <translation>No ha iniciado sesión; ejecute: securemailmerge signin --stay-signed-in, o agregue --sign-in browser (o code) para iniciar sesión solo para este comando</translation>
    </message>
    <message>
        <source>You stay signed in on this computer until you run: securemailmerge signout</source>
        <translation>Su sesión seguirá iniciada en este equipo hasta que ejecute: securemailmerge signout</translation>
    </message>
    <message>
        <source>[y/N] </source>
        <translation>[s/N] </translation>
    </message>
    <message>
        <source>a drafts-only campaign: send its drafts now, at the campaign&apos;s pace</source>
        <translation>una campaña solo de borradores: enviar ahora sus borradores, al ritmo de la campaña</translation>
    </message>
    <message>
        <source>a shared mailbox to read instead of your own</source>
        <translation>un buzón compartido que se lee en lugar del suyo</translation>
    </message>
    <message>
        <source>add an address</source>
        <translation>añadir una dirección</translation>
    </message>
    <message>
        <source>add the addresses of a CSV file</source>
        <translation>añadir las direcciones de un archivo CSV</translation>
    </message>
    <message>
        <source>added by hand</source>
        <translation>añadida a mano</translation>
    </message>
    <message>
        <source>also try the rows that failed again</source>
        <translation>reintentar también las filas que fallaron</translation>
    </message>
    <message>
        <source>also write the problems to a CSV file</source>
        <translation>escribir también los problemas en un archivo CSV</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>y {count} más</translation>
    </message>
    <message>
        <source>at most N recipients per rolling 24 hours (default: 10000)</source>
        <translation>como máximo N destinatarios cada 24 horas (predeterminado: 10000)</translation>
    </message>
    <message>
        <source>check every message before sending</source>
        <translation>comprobar cada mensaje antes de enviar</translation>
    </message>
    <message>
        <source>contacts need any (default) or all of the categories</source>
        <translation>los contactos necesitan alguna (any, predeterminado) o todas (all) las categorías</translation>
    </message>
    <message>
        <source>continue an interrupted campaign</source>
        <translation>continuar una campaña interrumpida</translation>
    </message>
    <message>
        <source>do not ask before sending</source>
        <translation>no preguntar antes de enviar</translation>
    </message>
    <message>
        <source>for contacts with several addresses: first (default), all, 2, or @domain</source>
        <translation>para contactos con varias direcciones: first (predeterminado), all, 2 o @dominio</translation>
    </message>
    <message>
        <source>forget the kept sign-in</source>
        <translation>olvidar la sesión conservada</translation>
    </message>
    <message>
        <source>input</source>
        <translation>entrada</translation>
    </message>
    <message>
        <source>keep rows whose address appeared in an earlier row</source>
        <translation>conservar las filas cuya dirección ya apareció en una fila anterior</translation>
    </message>
    <message>
        <source>keep rows whose address is invalid or empty</source>
        <translation>conservar las filas cuya dirección no es válida o está vacía</translation>
    </message>
    <message>
        <source>keep the sign-in for later commands, encrypted, with its key in the keychain</source>
        <translation>conservar la sesión para comandos posteriores, cifrada y con su clave en el llavero</translation>
    </message>
    <message>
        <source>leave out the subfolders of --folder</source>
        <translation>omitir las subcarpetas de --folder</translation>
    </message>
    <message>
        <source>look for bounces and opt-out replies</source>
        <translation>buscar rebotes y respuestas de baja</translation>
    </message>
    <message>
        <source>now, drafts (leave them in Drafts), scheduled, or test (one to you)</source>
        <translation>now (ahora), drafts (dejarlos en Borradores), scheduled (programado) o test (uno para usted)</translation>
    </message>
    <message>
        <source>only contacts in this Outlook category (repeatable)</source>
        <translation>solo contactos de esta categoría de Outlook (se puede repetir)</translation>
    </message>
    <message>
        <source>only contacts whose name, company or address contains TEXT</source>
        <translation>solo contactos cuyo nombre, empresa o dirección contiene TEXT</translation>
    </message>
    <message>
        <source>only this contact folder, such as Kunden/Spanien (/ is the Contacts folder)</source>
        <translation>solo esta carpeta de contactos, como Clientes/España (/ es la carpeta Contactos)</translation>
    </message>
    <message>
        <source>print the HTML body</source>
        <translation>mostrar el cuerpo HTML</translation>
    </message>
    <message>
        <source>print the link where an administrator grants the app&apos;s permissions for the tenant</source>
        <translation>mostrar el enlace donde un administrador concede los permisos de la aplicación para el inquilino</translation>
    </message>
    <message>
        <source>print the report as JSON</source>
        <translation>mostrar el informe como JSON</translation>
    </message>
    <message>
        <source>scheduled mode: a column of times</source>
        <translation>modo programado: una columna de horas</translation>
    </message>
    <message>
        <source>scheduled mode: when, e.g. 2026-05-04 09:30</source>
        <translation>modo programado: cuándo, p. ej. 2026-05-04 09:30</translation>
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
        <translation>enviar una campaña: un mensaje por destinatario</translation>
    </message>
    <message>
        <source>send only then, e.g. &apos;mon-fri 08:00-18:00&apos;</source>
        <translation>enviar solo entonces, p. ej. &apos;mon-fri 08:00-18:00&apos;</translation>
    </message>
    <message>
        <source>show a campaign&apos;s state, or list campaigns</source>
        <translation>mostrar el estado de una campaña o listar campañas</translation>
    </message>
    <message>
        <source>show or change the do-not-contact list</source>
        <translation>mostrar o cambiar la lista de no contactar</translation>
    </message>
    <message>
        <source>show the message for one recipient</source>
        <translation>mostrar el mensaje de un destinatario</translation>
    </message>
    <message>
        <source>show which tenant configuration is used, and where it is</source>
        <translation>mostrar qué configuración del inquilino se usa y dónde está</translation>
    </message>
    <message>
        <source>show who is signed in, their address, time zone and license</source>
        <translation>mostrar quién ha iniciado sesión, su dirección, zona horaria y licencia</translation>
    </message>
    <message>
        <source>sign in to Microsoft 365</source>
        <translation>iniciar sesión en Microsoft 365</translation>
    </message>
    <message>
        <source>sign in with a code on another device (for machines without a browser)</source>
        <translation>iniciar sesión con un código en otro dispositivo (para equipos sin explorador)</translation>
    </message>
    <message>
        <source>take an address off</source>
        <translation>quitar una dirección</translation>
    </message>
    <message>
        <source>test mode: the row to send</source>
        <translation>modo de prueba: la fila que se envía</translation>
    </message>
    <message>
        <source>the CSV delimiter: , ; or tab (default: detected)</source>
        <translation>el delimitador del CSV: , ; o tab (predeterminado: detección automática)</translation>
    </message>
    <message>
        <source>the CSV encoding (default: detected)</source>
        <translation>la codificación del CSV (predeterminado: detección automática)</translation>
    </message>
    <message>
        <source>the CSV file to write (default: standard output)</source>
        <translation>el archivo CSV que se escribe (predeterminado: la salida estándar)</translation>
    </message>
    <message>
        <source>the Excel sheet (default: the first visible one)</source>
        <translation>la hoja de Excel (por defecto: la primera visible)</translation>
    </message>
    <message>
        <source>the campaign&apos;s folder (its journal lives there)</source>
        <translation>la carpeta de la campaña (allí está su registro)</translation>
    </message>
    <message>
        <source>the column with the addresses (default: detected)</source>
        <translation>la columna con las direcciones (predeterminado: detección automática)</translation>
    </message>
    <message>
        <source>the folder attachments are taken from (default: the template&apos;s)</source>
        <translation>la carpeta de la que se toman los archivos adjuntos (predeterminado: la de la plantilla)</translation>
    </message>
    <message>
        <source>the folder for the .eml files</source>
        <translation>la carpeta para los archivos .eml</translation>
    </message>
    <message>
        <source>the language of messages (default: the system&apos;s)</source>
        <translation>el idioma de los mensajes (predeterminado: el del sistema)</translation>
    </message>
    <message>
        <source>the mailbox whose list it is</source>
        <translation>el buzón al que pertenece la lista</translation>
    </message>
    <message>
        <source>the message template (.json or .html)</source>
        <translation>la plantilla del mensaje (.json o .html)</translation>
    </message>
    <message>
        <source>the recipient list (.csv or .xlsx)</source>
        <translation>la lista de destinatarios (.csv o .xlsx)</translation>
    </message>
    <message>
        <source>the recipient&apos;s address</source>
        <translation>la dirección del destinatario</translation>
    </message>
    <message>
        <source>the report file</source>
        <translation>el archivo del informe</translation>
    </message>
    <message>
        <source>the row number as in the file</source>
        <translation>el número de fila tal como aparece en el archivo</translation>
    </message>
    <message>
        <source>the row number of the header (default: found below any title rows)</source>
        <translation>el número de fila del encabezado (por defecto: se busca bajo las filas de título)</translation>
    </message>
    <message>
        <source>the sender address written into the messages</source>
        <translation>la dirección del remitente que se escribe en los mensajes</translation>
    </message>
    <message>
        <source>the sending pace used for the time estimate (default: 30)</source>
        <translation>el ritmo de envío usado para estimar el tiempo (predeterminado: 30)</translation>
    </message>
    <message>
        <source>the tenant configuration (default: the file named by {env})</source>
        <translation>la configuración del inquilino (predeterminado: el archivo indicado en {env})</translation>
    </message>
    <message>
        <source>the zone of --window and --at (default: the mailbox&apos;s)</source>
        <translation>la zona horaria de --window y --at (predeterminada: la del buzón)</translation>
    </message>
    <message>
        <source>unknown ({reason})</source>
        <translation>desconocida ({reason})</translation>
    </message>
    <message>
        <source>up to S more seconds between messages, at random</source>
        <translation>hasta S segundos más entre mensajes, al azar</translation>
    </message>
    <message>
        <source>when no sign-in is kept, sign in for this command only, in the browser or with a code</source>
        <translation>si no hay ninguna sesión conservada, iniciar sesión solo para este comando, en el explorador (browser) o con un código (code)</translation>
    </message>
    <message>
        <source>which of a row&apos;s addresses get the message: first, all, a number such as 2, or @domain</source>
        <translation>qué direcciones de una fila reciben el mensaje: first, all, un número como 2 o @dominio</translation>
    </message>
    <message>
        <source>write a campaign&apos;s report (.csv or .xlsx)</source>
        <translation>escribir el informe de una campaña (.csv o .xlsx)</translation>
    </message>
    <message>
        <source>write a mailbox&apos;s contacts to a CSV file</source>
        <translation>escribir los contactos de un buzón en un archivo CSV</translation>
    </message>
    <message>
        <source>write into a folder that already has files (same names are replaced)</source>
        <translation>escribir en una carpeta que ya tiene archivos (se reemplazan los que tengan el mismo nombre)</translation>
    </message>
    <message>
        <source>write one .eml file per ready recipient</source>
        <translation>escribir un archivo .eml por cada destinatario listo</translation>
    </message>
    <message>
        <source>write the list to a CSV file</source>
        <translation>escribir la lista en un archivo CSV</translation>
    </message>
    <message>
        <source>yes (--yes)</source>
        <translation>sí (--yes)</translation>
    </message>
    <message>
        <source>{address} asked to be unsubscribed; added to the do-not-contact list.</source>
        <translation>{address} pidió darse de baja; se añadió a la lista de no contactar.</translation>
    </message>
    <message>
        <source>{address} is not on the list.</source>
        <translation>{address} no está en la lista.</translation>
    </message>
    <message>
        <source>{count} addresses added.</source>
        <translation>Se añadieron {count} direcciones.</translation>
    </message>
    <message>
        <source>{count} messages were already there from an earlier run of this export.</source>
        <translation>{count} mensajes ya estaban ahí de una ejecución anterior de esta exportación.</translation>
    </message>
    <message>
        <source>{count} rows are left out (do-not-contact list or unsubscribed).</source>
        <translation>Se omiten {count} filas (lista de no contactar o dados de baja).</translation>
    </message>
    <message>
        <source>{file} has no ready recipient.</source>
        <translation>{file} no tiene ningún destinatario listo.</translation>
    </message>
    <message>
        <source>{file} has no recipient in row {row}.</source>
        <translation>{file} no tiene ningún destinatario en la fila {row}.</translation>
    </message>
    <message>
        <source>{file} has no recipient {address}.</source>
        <translation>{file} no tiene el destinatario {address}.</translation>
    </message>
    <message>
        <source>{name} (problem: {reason})</source>
        <translation>{name} (problema: {reason})</translation>
    </message>
    <message>
        <source>{name} ({size})</source>
        <translation>{name} ({size})</translation>
    </message>
    <message>
        <source>{new} new bounces; {total} in all.</source>
        <translation>{new} rebotes nuevos; {total} en total.</translation>
    </message>
    <message>
        <source>{source}: {total} contacts in {folders} contact folder(s); {chosen} match the filters.</source>
        <translation>{source}: {total} contactos en {folders} carpeta(s) de contactos; {chosen} coinciden con los filtros.</translation>
    </message>
</context>
<context>
    <name>Contacts</name>
    <message>
        <source>Contacts of {mailbox}</source>
        <translation>Contactos de {mailbox}</translation>
    </message>
    <message>
        <source>full access to that mailbox (or reviewer rights on its contact folders)</source>
        <translation>acceso total a ese buzón (o permisos de revisor en sus carpetas de contactos)</translation>
    </message>
    <message>
        <source>the contacts</source>
        <translation>los contactos</translation>
    </message>
</context>
<context>
    <name>ContactsDialog</name>
    <message>
        <source>All folders</source>
        <translation>Todas las carpetas</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categorías</translation>
    </message>
    <message>
        <source>Choose a mailbox and load its contacts.</source>
        <translation>Elija un buzón y cargue sus contactos.</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contactos</translation>
    </message>
    <message>
        <source>Contacts with</source>
        <translation>Contactos con</translation>
    </message>
    <message>
        <source>Filtering…</source>
        <translation>Filtrando…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Load contacts</source>
        <translation>Cargar contactos</translation>
    </message>
    <message>
        <source>Loading contacts…</source>
        <translation>Cargando contactos…</translation>
    </message>
    <message>
        <source>Loading contacts… {count} so far ({folder} read).</source>
        <translation>Cargando contactos… {count} hasta ahora ({folder} leída).</translation>
    </message>
    <message>
        <source>Loading was stopped; load again to see the contacts.</source>
        <translation>Se detuvo la carga; vuelva a cargar para ver los contactos.</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Buzón</translation>
    </message>
    <message>
        <source>Matching contacts</source>
        <translation>Contactos que coinciden</translation>
    </message>
    <message>
        <source>Name, company or address contains…</source>
        <translation>El nombre, la empresa o la dirección contiene…</translation>
    </message>
    <message>
        <source>Recipients from Outlook contacts</source>
        <translation>Destinatarios de los contactos de Outlook</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>Detener la carga</translation>
    </message>
    <message>
        <source>Use these recipients</source>
        <translation>Usar estos destinatarios</translation>
    </message>
    <message>
        <source>Your own mailbox, or the address of a shared mailbox</source>
        <translation>Su propio buzón o la dirección de un buzón compartido</translation>
    </message>
    <message>
        <source>all of the checked categories</source>
        <translation>todas las categorías marcadas</translation>
    </message>
    <message>
        <source>any of the checked categories</source>
        <translation>alguna de las categorías marcadas</translation>
    </message>
    <message>
        <source>{count} contacts match: {ready} ready, {empty} without an address.</source>
        <translation>Coinciden {count} contactos: {ready} listos, {empty} sin dirección.</translation>
    </message>
    <message>
        <source>{source}: {count} contacts in {folders} folders.</source>
        <translation>{source}: {count} contactos en {folders} carpetas.</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>no address</source>
        <translation>sin dirección</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>No Microsoft 365 tenant is configured; see the README.</source>
        <translation>No hay ningún inquilino de Microsoft 365 configurado; consulte el README.</translation>
    </message>
    <message>
        <source>No web browser could be opened here, so you sign in with a code instead.</source>
        <translation>Aquí no se pudo abrir ningún navegador web, así que inicia sesión con un código.</translation>
    </message>
    <message>
        <source>Not checked yet: the license is checked when you load an address book, send a test or send a campaign.</source>
        <translation>Aún no comprobada: la licencia se comprueba al cargar una libreta de direcciones, enviar una prueba o enviar una campaña.</translation>
    </message>
    <message>
        <source>Open a recipient list and a template first.</source>
        <translation>Abra primero una lista de destinatarios y una plantilla.</translation>
    </message>
    <message>
        <source>Open a recipient list and a template to see a preview.</source>
        <translation>Abra una lista de destinatarios y una plantilla para ver una vista previa.</translation>
    </message>
    <message>
        <source>Sign in first to use Outlook contacts.</source>
        <translation>Inicie sesión primero para usar los contactos de Outlook.</translation>
    </message>
    <message>
        <source>Something unexpected went wrong: {error}</source>
        <translation>Se produjo un error inesperado: {error}</translation>
    </message>
</context>
<context>
    <name>CsvFile</name>
    <message>
        <source>Cannot open {path}: {reason}</source>
        <translation>No se puede abrir {path}: {reason}</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 con BOM</translation>
    </message>
    <message>
        <source>Unknown encoding {encoding!r} chosen for {file}.</source>
        <translation>Se eligió una codificación desconocida, {encoding!r}, para {file}.</translation>
    </message>
    <message>
        <source>{delimiter!r} cannot separate the columns of {file}.</source>
        <translation>{delimiter!r} no puede separar las columnas de {file}.</translation>
    </message>
    <message>
        <source>{file} has no row {row} to be its header.</source>
        <translation>{file} no tiene una fila {row} que pueda ser su encabezado.</translation>
    </message>
    <message>
        <source>{file} is empty: it has no header row and no recipients.</source>
        <translation>{file} está vacío: no tiene fila de encabezado ni destinatarios.</translation>
    </message>
    <message>
        <source>{file} is neither UTF-8 nor Windows-1252 text. Choose its encoding, or export it again as CSV UTF-8.</source>
        <translation>{file} no es texto UTF-8 ni Windows-1252. Elija su codificación o vuelva a exportarlo como CSV UTF-8.</translation>
    </message>
    <message>
        <source>{file} is not a CSV text file: it contains binary data (NUL bytes). Export the recipients as CSV or choose the right file.</source>
        <translation>{file} no es un archivo de texto CSV: contiene datos binarios (bytes NUL). Exporte los destinatarios como CSV o elija el archivo correcto.</translation>
    </message>
    <message>
        <source>{file} is not a CSV text file: it contains binary data. Export the recipients as CSV or choose the right file.</source>
        <translation>{file} no es un archivo de texto CSV: contiene datos binarios. Exporte los destinatarios como CSV o elija el archivo correcto.</translation>
    </message>
    <message>
        <source>{file} is not a CSV text file: it is a compressed file, probably an Excel workbook. Save it as .xlsx or export it as CSV from Excel.</source>
        <translation>{file} no es un archivo de texto CSV: es un archivo comprimido, probablemente un libro de Excel. Guárdelo como .xlsx o expórtelo como CSV desde Excel.</translation>
    </message>
    <message>
        <source>{file}:{row}: the text is not valid {encoding}; choose the file&apos;s encoding.</source>
        <translation>{file}:{row}: el texto no es {encoding} válido; elija la codificación del archivo.</translation>
    </message>
    <message>
        <source>{file}:{row}: this row cannot be read as CSV ({reason}); check its quotes.</source>
        <translation>{file}:{row}: esta fila no se puede leer como CSV ({reason}); compruebe sus comillas.</translation>
    </message>
    <message>
        <source>{file}:{row}: this row is not UTF-8 like the rest of the file; it was read as Windows-1252. Check its text (names with ä, ñ or é) before sending.</source>
        <translation>{file}:{row}: esta fila no está en UTF-8 como el resto del archivo; se leyó como Windows-1252. Revise su texto (nombres con ä, ñ o é) antes de enviar.</translation>
    </message>
</context>
<context>
    <name>CsvOut</name>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>No se puede escribir {path}: {reason}</translation>
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
        <translation>Algo inesperado salió mal: {error}. Su trabajo se conserva; por favor, infórmenos.</translation>
    </message>
</context>
<context>
    <name>DoNotContactDialog</name>
    <message numerus="yes">
        <source>%n address(es) saved to {file}.</source>
        <translation>
            <numerusform>%n dirección guardada en {file}.</numerusform>
            <numerusform>%n direcciones guardadas en {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) taken off the list.</source>
        <translation>
            <numerusform>%n dirección quitada de la lista.</numerusform>
            <numerusform>%n direcciones quitadas de la lista.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new address(es) added from {file}.</source>
        <translation>
            <numerusform>%n dirección nueva añadida desde {file}.</numerusform>
            <numerusform>%n direcciones nuevas añadidas desde {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) without a valid address were skipped.</source>
        <translation>
            <numerusform>Se omitió %n fila sin dirección válida.</numerusform>
            <numerusform>Se omitieron %n filas sin dirección válida.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Add every address of a CSV or Excel file</source>
        <translation>Añadir todas las direcciones de un archivo CSV o Excel</translation>
    </message>
    <message>
        <source>Address to add</source>
        <translation>Dirección que añadir</translation>
    </message>
    <message>
        <source>Addresses on the do-not-contact list</source>
        <translation>Direcciones de la lista de no contactar</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Do-not-contact list</source>
        <translation>Lista de no contactar</translation>
    </message>
    <message>
        <source>Export the do-not-contact list</source>
        <translation>Exportar la lista de no contactar</translation>
    </message>
    <message>
        <source>Find an address</source>
        <translation>Buscar una dirección</translation>
    </message>
    <message>
        <source>Find an address…</source>
        <translation>Buscar una dirección…</translation>
    </message>
    <message>
        <source>Import addresses</source>
        <translation>Importar direcciones</translation>
    </message>
    <message>
        <source>Lists (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.ods)</source>
        <translation>Listas (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.ods)</translation>
    </message>
    <message>
        <source>Nobody on this list gets a message from {mailbox}.</source>
        <translation>Nadie de esta lista recibe mensajes de {mailbox}.</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Leyendo {file}…</translation>
    </message>
    <message>
        <source>Sign in, or choose the mailbox to send from, to see its do-not-contact list.</source>
        <translation>Inicie sesión o elija el buzón desde el que enviar para ver su lista de no contactar.</translation>
    </message>
    <message>
        <source>added by hand</source>
        <translation>añadida a mano</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>nombre@ejemplo.es</translation>
    </message>
    <message>
        <source>{address} is on the list now.</source>
        <translation>{address} ya está en la lista.</translation>
    </message>
</context>
<context>
    <name>DoNotContactModel</name>
    <message>
        <source>Added</source>
        <translation>Añadida</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
</context>
<context>
    <name>FieldMenu</name>
    <message>
        <source>Open recipients to see their fields</source>
        <translation>Abra destinatarios para ver sus campos</translation>
    </message>
</context>
<context>
    <name>FolderTrust</name>
    <message>
        <source>{file} takes its attachments and images from {folder}, which is outside the campaign file&apos;s folder. Files there are used only if you allow it.</source>
        <translation>{file} toma sus archivos adjuntos e imágenes de {folder}, una carpeta fuera de la carpeta del archivo de campaña. Los archivos de allí solo se usan si usted lo permite.</translation>
    </message>
    <message>
        <source>Attachment folder</source>
        <translation>Carpeta de adjuntos</translation>
    </message>
    <message>
        <source>Until then attachments are looked for in {own}. Allow this only for a campaign you trust.</source>
        <translation>Hasta entonces, los adjuntos se buscan en {own}. Permítalo solo para una campaña de confianza.</translation>
    </message>
    <message>
        <source>Use that folder</source>
        <translation>Usar esa carpeta</translation>
    </message>
    <message>
        <source>Keep the campaign&apos;s folder</source>
        <translation>Mantener la carpeta de la campaña</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>{count} bytes</source>
        <translation>{count} bytes</translation>
    </message>
</context>
<context>
    <name>Graph</name>
    <message>
        <source>Access denied ({code}): your account lacks the right to this mailbox or item.</source>
        <translation>Acceso denegado ({code}): su cuenta no tiene permiso sobre este buzón o elemento.</translation>
    </message>
    <message>
        <source>Microsoft Graph answered with a redirect ({status}), which is refused.</source>
        <translation>Microsoft Graph respondió con una redirección ({status}), que se rechaza.</translation>
    </message>
    <message>
        <source>Microsoft Graph answered {status} ({code}).</source>
        <translation>Microsoft Graph respondió {status} ({code}).</translation>
    </message>
    <message>
        <source>Microsoft Graph answered {status} ({code}): {detail}</source>
        <translation>Microsoft Graph respondió {status} ({code}): {detail}</translation>
    </message>
    <message>
        <source>Microsoft Graph no longer accepts your sign-in ({code}). Please sign in again.</source>
        <translation>Microsoft Graph ya no acepta su sesión ({code}). Vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>Microsoft Graph sent an answer that is not a JSON object (status {status}).</source>
        <translation>Microsoft Graph envió una respuesta que no es un objeto JSON (estado {status}).</translation>
    </message>
    <message>
        <source>Microsoft kept throttling the requests ({code}); try again later.</source>
        <translation>Microsoft siguió limitando las solicitudes ({code}); inténtelo más tarde.</translation>
    </message>
    <message>
        <source>Request id: {request_id}.</source>
        <translation>Id. de solicitud: {request_id}.</translation>
    </message>
    <message>
        <source>The mailbox, folder or item was not found ({code}).</source>
        <translation>No se encontró el buzón, la carpeta o el elemento ({code}).</translation>
    </message>
    <message>
        <source>This mailbox is not an Exchange Online mailbox ({code}).</source>
        <translation>Este buzón no es un buzón de Exchange Online ({code}).</translation>
    </message>
    <message>
        <source>Throttled by Microsoft, waiting {seconds} s (attempt {attempt}).</source>
        <translation>Microsoft está limitando las solicitudes; esperando {seconds} s (intento {attempt}).</translation>
    </message>
    <message>
        <source>You may not send as this mailbox ({code}); ask your administrator for Send As rights.</source>
        <translation>No puede enviar como este buzón ({code}); pida a su administrador el permiso Enviar como.</translation>
    </message>
    <message>
        <source>{host} was not named by an upload session, so nothing was sent.</source>
        <translation>Ninguna sesión de carga indicó {host}, así que no se envió nada.</translation>
    </message>
    <message>
        <source>{reason}. Trying again in {seconds} s (attempt {attempt}).</source>
        <translation>{reason}. Se reintentará en {seconds} s (intento {attempt}).</translation>
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
        <translation>Global</translation>
    </message>
    <message>
        <source>Microsoft Graph</source>
        <translation>Microsoft Graph</translation>
    </message>
    <message>
        <source>Microsoft sign-in (Entra ID)</source>
        <translation>Inicio de sesión de Microsoft (Entra ID)</translation>
    </message>
    <message>
        <source>Outlook attachment upload</source>
        <translation>Carga de adjuntos de Outlook</translation>
    </message>
    <message>
        <source>SecureMailMerge license check</source>
        <translation>Comprobación de licencia de SecureMailMerge</translation>
    </message>
    <message>
        <source>US Government (DoD)</source>
        <translation>Gobierno de EE. UU. (DoD)</translation>
    </message>
    <message>
        <source>US Government (GCC High)</source>
        <translation>Gobierno de EE. UU. (GCC High)</translation>
    </message>
    <message>
        <source>loading an address book, sending a test and sending a campaign; it receives only your address</source>
        <translation>al cargar una libreta de direcciones, al enviar una prueba y al enviar una campaña; solo recibe su dirección</translation>
    </message>
    <message>
        <source>reading your profile, contacts and categories; creating, sending and cleaning up drafts</source>
        <translation>leer su perfil, contactos y categorías; crear, enviar y limpiar borradores</translation>
    </message>
    <message>
        <source>signing in, and renewing the sign-in about once an hour while the app is used</source>
        <translation>al iniciar sesión y, mientras se usa la aplicación, aproximadamente cada hora para renovarla</translation>
    </message>
    <message>
        <source>uploading attachments of 3 MB or more, to the address Graph names for each upload</source>
        <translation>cargar adjuntos de 3 MB o más a la dirección que Graph indica para cada carga</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>The attachment {name} cannot be saved to {folder}: {reason}.</source>
        <translation>No se puede guardar el adjunto {name} en {folder}: {reason}.</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be created: {reason}.</source>
        <translation>No se puede crear la carpeta {folder}: {reason}.</translation>
    </message>
    <message>
        <source>it has no message headers</source>
        <translation>no tiene encabezados de mensaje</translation>
    </message>
    <message>
        <source>{file} cannot be read as an Outlook message: {reason}.</source>
        <translation>{file} no se puede leer como mensaje de Outlook: {reason}.</translation>
    </message>
    <message>
        <source>{file} is not an Outlook template or message (.oft, .msg, .eml).</source>
        <translation>{file} no es una plantilla ni un mensaje de Outlook (.oft, .msg, .eml).</translation>
    </message>
</context>
<context>
    <name>License</name>
    <message>
        <source>Commercial license, valid until {date}.</source>
        <translation>Licencia comercial, válida hasta el {date}.</translation>
    </message>
    <message>
        <source>Commercial license.</source>
        <translation>Licencia comercial.</translation>
    </message>
    <message>
        <source>Free plan: messages end with a short &quot;Sent with SecureMailMerge&quot; line.</source>
        <translation>Plan gratuito: los mensajes terminan con una breve línea «Sent with SecureMailMerge».</translation>
    </message>
    <message>
        <source>Not checked yet: the license is checked when you load an address book, send a test message or send a campaign.</source>
        <translation>Aún sin comprobar: la licencia se comprueba al cargar una libreta de direcciones, enviar un mensaje de prueba o enviar una campaña.</translation>
    </message>
    <message>
        <source>The license server {host} answered with an error (HTTP {status}).</source>
        <translation>El servidor de licencias {host} respondió con un error (HTTP {status}).</translation>
    </message>
    <message>
        <source>The license server {host} could not be reached.</source>
        <translation>No se pudo conectar con el servidor de licencias {host}.</translation>
    </message>
    <message>
        <source>The license server {host} sent an answer the app cannot read.</source>
        <translation>El servidor de licencias {host} envió una respuesta que la aplicación no puede leer.</translation>
    </message>
    <message>
        <source>The license was not checked because your account has no email address.</source>
        <translation>No se comprobó la licencia porque su cuenta no tiene dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>{reason} Working as the free plan.</source>
        <translation>{reason} Se usa el plan gratuito.</translation>
    </message>
</context>
<context>
    <name>Mailbox</name>
    <message>
        <source>A folder of {mailbox} disappeared while reading {what} ({code}); please load again.</source>
        <translation>Una carpeta de {mailbox} desapareció durante la lectura de {what} ({code}); vuelva a cargar.</translation>
    </message>
    <message>
        <source>Reading {what} of your mailbox {mailbox} was refused ({code}): the app lacks the permission {permission}. Ask your administrator to grant it (see the README on registering the app).</source>
        <translation>Se denegó la lectura de {what} de su buzón {mailbox} ({code}): la aplicación no tiene el permiso {permission}. Pida a su administrador que lo conceda (consulte en el README cómo registrar la aplicación).</translation>
    </message>
    <message>
        <source>The account {account} has no email address in Microsoft 365 (its mail attribute is empty), usually because it has no Exchange Online mailbox. Ask your administrator to give it a mailbox.</source>
        <translation>La cuenta {account} no tiene dirección de correo electrónico en Microsoft 365 (su atributo mail está vacío), normalmente porque no tiene buzón de Exchange Online. Pida a su administrador que le asigne un buzón.</translation>
    </message>
    <message>
        <source>The mailbox {mailbox} is not in Exchange Online (it is on-premises, inactive or not licensed), so {what} cannot be read ({code}).</source>
        <translation>El buzón {mailbox} no está en Exchange Online (es local, está inactivo o no tiene licencia), por lo que la aplicación no puede leer {what} ({code}).</translation>
    </message>
    <message>
        <source>There is no mailbox {mailbox} in your organisation, or it is hidden from you ({code}); check the address.</source>
        <translation>No hay ningún buzón {mailbox} en su organización, o está oculto para usted ({code}); compruebe la dirección.</translation>
    </message>
    <message>
        <source>You have no right to read {what} of the mailbox {mailbox} ({code}). Ask its owner or your administrator for {right}.</source>
        <translation>No tiene permiso para leer {what} del buzón {mailbox} ({code}). Pida a su propietario o a su administrador {right}.</translation>
    </message>
    <message>
        <source>full access to that mailbox</source>
        <translation>acceso total a ese buzón</translation>
    </message>
    <message>
        <source>the mailbox settings</source>
        <translation>la configuración del buzón</translation>
    </message>
    <message>
        <source>{value!r} is not a mailbox address such as sales@contoso.com.</source>
        <translation>{value!r} no es una dirección de buzón como sales@contoso.com.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Campaign not finished</source>
        <translation>Campaña sin terminar</translation>
    </message>
    <message>
        <source>Ctrl+{number}</source>
        <translation>Ctrl+{number}</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>No ha iniciado sesión</translation>
    </message>
    <message>
        <source>SecureMailMerge</source>
        <translation>SecureMailMerge</translation>
    </message>
    <message>
        <source>Show it</source>
        <translation>Mostrarla</translation>
    </message>
    <message>
        <source>Sign in, then press “Resume that campaign” in the Send step.</source>
        <translation>Inicie sesión y pulse «Reanudar esa campaña» en el paso «Enviar».</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Iniciar sesión…</translation>
    </message>
    <message>
        <source>Signed in as {name} &lt;{address}&gt;</source>
        <translation>Sesión iniciada como {name} &lt;{address}&gt;</translation>
    </message>
    <message>
        <source>Signed-in account</source>
        <translation>Cuenta con sesión iniciada</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>The campaign {folder} did not finish. Resume it? Nothing is sent twice.</source>
        <translation>La campaña {folder} no terminó. ¿Reanudarla? Nada se envía dos veces.</translation>
    </message>
    <message>
        <source>{step} (Ctrl+{number})</source>
        <translation>{step} (Ctrl+{number})</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir a</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>About SecureMailMerge</source>
        <translation>Acerca de SecureMailMerge</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Comprobar ahora</translation>
    </message>
    <message>
        <source>Clear recent campaigns</source>
        <translation>Borrar las campañas recientes</translation>
    </message>
    <message>
        <source>Do-not-contact list…</source>
        <translation>Lista de no contactar…</translation>
    </message>
    <message>
        <source>Import from Outlook…</source>
        <translation>Importar de Outlook…</translation>
    </message>
    <message>
        <source>Network activity…</source>
        <translation>Actividad de red…</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>Nueva campaña</translation>
    </message>
    <message>
        <source>No recent campaigns</source>
        <translation>No hay campañas recientes</translation>
    </message>
    <message>
        <source>Open campaign…</source>
        <translation>Abrir campaña…</translation>
    </message>
    <message>
        <source>Open recipients…</source>
        <translation>Abrir destinatarios…</translation>
    </message>
    <message>
        <source>Open template…</source>
        <translation>Abrir plantilla…</translation>
    </message>
    <message>
        <source>Outlook contacts…</source>
        <translation>Contactos de Outlook…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Recent campaigns</source>
        <translation>Campañas recientes</translation>
    </message>
    <message>
        <source>Save campaign</source>
        <translation>Guardar campaña</translation>
    </message>
    <message>
        <source>Save campaign as…</source>
        <translation>Guardar campaña como…</translation>
    </message>
    <message>
        <source>Save template…</source>
        <translation>Guardar plantilla…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Configuración…</translation>
    </message>
    <message>
        <source>Sign in or out…</source>
        <translation>Iniciar o cerrar sesión…</translation>
    </message>
    <message>
        <source>Stop check</source>
        <translation>Detener comprobación</translation>
    </message>
</context>
<context>
    <name>MessageStep</name>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>An Outlook template (.oft) or message (.msg, .eml)</source>
        <translation>Una plantilla (.oft) o un mensaje (.msg, .eml) de Outlook</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <source>Attachment column</source>
        <translation>Columna de adjuntos</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
    <message>
        <source>Attachments for everybody</source>
        <translation>Adjuntos para todos</translation>
    </message>
    <message>
        <source>Copied {file} into {folder}.</source>
        <translation>{file} copiado en {folder}.</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>Diseño</translation>
    </message>
    <message>
        <source>HTML source</source>
        <translation>Código HTML</translation>
    </message>
    <message>
        <source>Import from Outlook</source>
        <translation>Importar de Outlook</translation>
    </message>
    <message>
        <source>Import from Outlook…</source>
        <translation>Importar de Outlook…</translation>
    </message>
    <message>
        <source>Imported {file}; its files are in {folder}.</source>
        <translation>{file} importado; sus archivos están en {folder}.</translation>
    </message>
    <message>
        <source>Make the plain text from the message</source>
        <translation>Generar el texto sin formato a partir del mensaje</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Open template</source>
        <translation>Abrir plantilla</translation>
    </message>
    <message>
        <source>Open template…</source>
        <translation>Abrir plantilla…</translation>
    </message>
    <message>
        <source>Outlook files (*.oft *.msg *.eml)</source>
        <translation>Archivos de Outlook (*.oft *.msg *.eml)</translation>
    </message>
    <message>
        <source>Per recipient, files named in column</source>
        <translation>Por destinatario, los archivos de la columna</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Texto sin formato</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>Guardar plantilla</translation>
    </message>
    <message>
        <source>Save template…</source>
        <translation>Guardar plantilla…</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>{file} guardado.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Subject; type {{ to insert a field</source>
        <translation>Asunto; escriba {{ para insertar un campo</translation>
    </message>
    <message>
        <source>Templates (*.json *.html *.htm)</source>
        <translation>Plantillas (*.json *.html *.htm)</translation>
    </message>
    <message>
        <source>Templates (*.json)</source>
        <translation>Plantillas (*.json)</translation>
    </message>
    <message>
        <source>The message has changes that are not saved. Save them?</source>
        <translation>El mensaje tiene cambios sin guardar. ¿Guardarlos?</translation>
    </message>
    <message>
        <source>Unsaved message</source>
        <translation>Mensaje sin guardar</translation>
    </message>
    <message>
        <source>{file} cannot be copied to {folder}: {reason}</source>
        <translation>No se puede copiar {file} en {folder}: {reason}</translation>
    </message>
</context>
<context>
    <name>Mime</name>
    <message>
        <source>A display name has {count} characters (“{start}…”); at most {limit} fit in a message.</source>
        <translation>Un nombre para mostrar tiene {count} caracteres («{start}…»); en un mensaje caben como máximo {limit}.</translation>
    </message>
    <message>
        <source>Cannot write to {path}: {reason}</source>
        <translation>No se puede escribir en {path}: {reason}</translation>
    </message>
    <message>
        <source>The domain of {address!r} cannot be encoded: {reason}</source>
        <translation>No se puede codificar el dominio de {address!r}: {reason}</translation>
    </message>
    <message>
        <source>The folder {folder} holds an export of other messages (another list, template or sender); choose an empty folder or allow overwriting.</source>
        <translation>La carpeta {folder} contiene una exportación de otros mensajes (otra lista, plantilla o remitente); elija una carpeta vacía o permita sobrescribir.</translation>
    </message>
    <message>
        <source>The folder {folder} is not empty; choose an empty folder or allow overwriting.</source>
        <translation>La carpeta {folder} no está vacía; elija una carpeta vacía o permita sobrescribir.</translation>
    </message>
    <message>
        <source>The subject contains a line break.</source>
        <translation>El asunto contiene un salto de línea.</translation>
    </message>
    <message>
        <source>The subject has {count} characters; at most {limit} fit in a message.</source>
        <translation>El asunto tiene {count} caracteres; en un mensaje caben como máximo {limit}.</translation>
    </message>
    <message>
        <source>There is no address to send this message to.</source>
        <translation>No hay ninguna dirección a la que enviar este mensaje.</translation>
    </message>
    <message>
        <source>{address!r} cannot be used as an address: {reason}.</source>
        <translation>{address!r} no se puede usar como dirección: {reason}.</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder.</source>
        <translation>{folder} es un archivo, no una carpeta.</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <source>A sign-in token must not be sent to the upload host {host}.</source>
        <translation>No se debe enviar un token de inicio de sesión al host de carga {host}.</translation>
    </message>
    <message>
        <source>A sign-in token must not be sent to {host}.</source>
        <translation>No se puede enviar un token de inicio de sesión a {host}.</translation>
    </message>
    <message>
        <source>An extra certificate authority is allowed only for the built-in sandbox.</source>
        <translation>Solo se permite una entidad de certificación adicional para el espacio aislado integrado.</translation>
    </message>
    <message>
        <source>Could not connect to {host}: {reason}</source>
        <translation>No se pudo conectar con {host}: {reason}</translation>
    </message>
    <message>
        <source>The connection to {host} was interrupted: {reason}</source>
        <translation>Se interrumpió la conexión con {host}: {reason}</translation>
    </message>
    <message>
        <source>The network log cannot be written to {file}: {reason}</source>
        <translation>No se puede escribir el registro de red en {file}: {reason}</translation>
    </message>
    <message>
        <source>The sign-in service {host} answered with HTTP status {status}.</source>
        <translation>El servicio de inicio de sesión {host} respondió con el estado HTTP {status}.</translation>
    </message>
    <message>
        <source>The upload address on {host} does not use HTTPS and is refused.</source>
        <translation>La dirección de carga en {host} no usa HTTPS y se rechaza.</translation>
    </message>
    <message>
        <source>{host} did not answer in time.</source>
        <translation>{host} no respondió a tiempo.</translation>
    </message>
    <message>
        <source>{host} is not an upload host of Microsoft 365, so nothing is uploaded there.</source>
        <translation>{host} no es un servidor de carga de Microsoft 365, así que no se sube nada allí.</translation>
    </message>
    <message>
        <source>{host} is not one of the tenant&apos;s hosts, so the request was refused.</source>
        <translation>{host} no es uno de los hosts del inquilino, así que se rechazó la solicitud.</translation>
    </message>
    <message>
        <source>{host} may not be reached for this request, so it was refused.</source>
        <translation>{host} no puede recibir esta solicitud, así que se ha rechazado.</translation>
    </message>
    <message>
        <source>{host} was refused: only HTTPS is allowed.</source>
        <translation>Se rechazó {host}: solo se permite HTTPS.</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln solicitud</numerusform>
            <numerusform>%Ln solicitudes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) saved to {file}.</source>
        <translation>
            <numerusform>%Ln solicitud guardada en {file}.</numerusform>
            <numerusform>%Ln solicitudes guardadas en {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln mostrada</numerusform>
            <numerusform>%Ln mostradas</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Every request this app sends, as written to {file}. Message contents, tokens and addresses are never logged; ids are masked.</source>
        <translation>Cada solicitud que envía esta aplicación, tal como se registra en {file}. El contenido de los mensajes, los tokens y las direcciones nunca se registran; los identificadores están enmascarados.</translation>
    </message>
    <message>
        <source>Filter by host, path, status…</source>
        <translation>Filtrar por host, ruta, estado…</translation>
    </message>
    <message>
        <source>Filter requests</source>
        <translation>Filtrar solicitudes</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.log)</source>
        <translation>Líneas JSON (*.jsonl *.log)</translation>
    </message>
    <message>
        <source>Network activity</source>
        <translation>Actividad de red</translation>
    </message>
    <message>
        <source>One row per request, for a spreadsheet</source>
        <translation>Una fila por solicitud, para una hoja de cálculo</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>Guardar como CSV…</translation>
    </message>
    <message>
        <source>Save as log file…</source>
        <translation>Guardar como archivo de registro…</translation>
    </message>
    <message>
        <source>Save the network log</source>
        <translation>Guardar el registro de red</translation>
    </message>
    <message>
        <source>Save the network log as CSV</source>
        <translation>Guardar el registro de red como CSV</translation>
    </message>
    <message>
        <source>Saving {file}…</source>
        <translation>Guardando {file}…</translation>
    </message>
    <message>
        <source>The log as it is kept: one JSON object per line</source>
        <translation>El registro tal como se guarda: un objeto JSON por línea</translation>
    </message>
    <message>
        <source>The network log was saved to {file}.</source>
        <translation>El registro de red se guardó en {file}.</translation>
    </message>
</context>
<context>
    <name>NetworkLogModel</name>
    <message>
        <source>Attachment upload</source>
        <translation>Carga de adjuntos</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>License check</source>
        <translation>Comprobación de licencia</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Microsoft Graph</source>
        <translation>Microsoft Graph</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>failed: {error}</source>
        <translation>fallida: {error}</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>rechazada</translation>
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
        <translation>Una imagen del mensaje no contiene datos base64 válidos.</translation>
    </message>
    <message>
        <source>The message&apos;s styles cannot be inlined for Outlook: {reason}.</source>
        <translation>Los estilos del mensaje no se pueden incrustar para Outlook: {reason}.</translation>
    </message>
</context>
<context>
    <name>Pacing</name>
    <message>
        <source>A message to {count} recipients is more than the daily cap of {cap} allows.</source>
        <translation>Un mensaje a {count} destinatarios supera lo que permite el límite diario de {cap}.</translation>
    </message>
    <message>
        <source>The daily recipient cap must be at least 1.</source>
        <translation>El límite diario de destinatarios debe ser al menos 1.</translation>
    </message>
    <message>
        <source>The pace must be more than 0 messages per minute.</source>
        <translation>El ritmo debe ser de más de 0 mensajes por minuto.</translation>
    </message>
    <message>
        <source>The random pause cannot be negative.</source>
        <translation>La pausa aleatoria no puede ser negativa.</translation>
    </message>
    <message>
        <source>The sending window {text} is not like mon-fri 08:00-18:00 (days optional).</source>
        <translation>La ventana de envío {text} no tiene la forma mon-fri 08:00-18:00 (días opcionales).</translation>
    </message>
    <message>
        <source>The time zone {name} is not known; name an IANA zone such as Europe/Berlin.</source>
        <translation>La zona horaria {name} no se conoce; indique una zona IANA como Europe/Madrid.</translation>
    </message>
</context>
<context>
    <name>PermissionsView</name>
    <message>
        <source>Permissions</source>
        <translation>Permisos</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <source>Largest message: {size} (row {row})</source>
        <translation>Mensaje más grande: {size} (fila {row})</translation>
    </message>
    <message>
        <source>Not ready: fix the problems above first.</source>
        <translation>No está listo: corrija primero los problemas anteriores.</translation>
    </message>
    <message>
        <source>Problems ({count}):</source>
        <translation>Problemas ({count}):</translation>
    </message>
    <message>
        <source>Read as {encoding}</source>
        <translation>Leído como {encoding}</translation>
    </message>
    <message>
        <source>Ready to send {ready} of {total} rows ({count} left out).</source>
        <translation>Listo para enviar {ready} de {total} filas ({count} fuera).</translation>
    </message>
    <message>
        <source>Ready to send.</source>
        <translation>Listo para enviar.</translation>
    </message>
    <message>
        <source>Sending takes about {duration} at {pace:g} messages per minute</source>
        <translation>El envío tarda aproximadamente {duration} a {pace:g} mensajes por minuto</translation>
    </message>
    <message>
        <source>Sending takes about {duration}: {pace:g} messages per minute, and Exchange Online sends to at most {limit} recipients in 24 hours ({recipients} in all)</source>
        <translation>El envío tarda unos {duration}: {pace:g} mensajes por minuto, y Exchange Online envía a un máximo de {limit} destinatarios en 24 horas ({recipients} en total)</translation>
    </message>
    <message>
        <source>The attachment {name} cannot be read: {reason}</source>
        <translation>No se puede leer el archivo adjunto {name}: {reason}</translation>
    </message>
    <message>
        <source>The field {name} is empty in these rows: {rows}</source>
        <translation>El campo {name} está vacío en estas filas: {rows}</translation>
    </message>
    <message>
        <source>The message would be {size} MB; the limit is {limit} MB.</source>
        <translation>El mensaje ocuparía {size} MB; el límite es {limit} MB.</translation>
    </message>
    <message>
        <source>The pace must be more than 0 messages per minute.</source>
        <translation>El ritmo debe ser superior a 0 mensajes por minuto.</translation>
    </message>
    <message>
        <source>The template uses fields that are not columns of the list: {names}</source>
        <translation>La plantilla usa campos que no son columnas de la lista: {names}</translation>
    </message>
    <message>
        <source>warning: {problem}</source>
        <translation>advertencia: {problem}</translation>
    </message>
    <message>
        <source>{days} days {hours} h</source>
        <translation>{days} días {hours} h</translation>
    </message>
    <message>
        <source>{file}: rows {total}, ready {ready}, invalid {invalid}, duplicates {duplicates}</source>
        <translation>{file}: filas {total}, listas {ready}, no válidas {invalid}, duplicadas {duplicates}</translation>
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
        <translation>{rows} y {count} más</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… y {count} más</translation>
    </message>
</context>
<context>
    <name>PreviewStep</name>
    <message>
        <source>(no address)</source>
        <translation>(sin dirección)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>(sign in to see the sender)</source>
        <translation>(inicie sesión para ver el remitente)</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>CCO</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>CC</translation>
    </message>
    <message>
        <source>Check progress</source>
        <translation>Progreso de la comprobación</translation>
    </message>
    <message>
        <source>Checking every message…</source>
        <translation>Comprobando cada mensaje…</translation>
    </message>
    <message>
        <source>Find a recipient</source>
        <translation>Buscar un destinatario</translation>
    </message>
    <message>
        <source>Find a recipient…</source>
        <translation>Buscar un destinatario…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Message as sent</source>
        <translation>Mensaje tal como se enviará</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>No recipient contains “{text}”.</source>
        <translation>Ningún destinatario contiene «{text}».</translation>
    </message>
    <message>
        <source>Not sent: this row is left out. {reason}</source>
        <translation>No se envía: esta fila queda fuera. {reason}</translation>
    </message>
    <message>
        <source>Open recipients and write a message to check them.</source>
        <translation>Abra destinatarios y escriba un mensaje para comprobarlos.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Problems found by the check</source>
        <translation>Problemas encontrados por la comprobación</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Reply-To</source>
        <translation>Responder a</translation>
    </message>
    <message>
        <source>Show row {row}</source>
        <translation>Mostrar la fila {row}</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>The check was stopped; press Check to run it again.</source>
        <translation>La comprobación se detuvo; pulse Comprobar para ejecutarla de nuevo.</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message numerus="yes">
        <source>of %Ln</source>
        <translation>
            <numerusform>de %Ln</numerusform>
            <numerusform>de %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %Ln (row {row})</source>
        <translation>
            <numerusform>de %Ln (fila {row})</numerusform>
            <numerusform>de %Ln (fila {row})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %Ln more; the Recipients step can show only the rows to look at.</source>
        <translation>
            <numerusform>…y %Ln más; el paso Destinatarios puede mostrar solo las filas que revisar.</numerusform>
            <numerusform>…y %Ln más; el paso Destinatarios puede mostrar solo las filas que revisar.</numerusform>
        </translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
</context>
<context>
    <name>ReadingBox</name>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Address number</source>
        <translation>Número de dirección</translation>
    </message>
    <message>
        <source>Address to use</source>
        <translation>Dirección que usar</translation>
    </message>
    <message>
        <source>All of them</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>BCC column</source>
        <translation>Columna CCO</translation>
    </message>
    <message>
        <source>CC column</source>
        <translation>Columna CC</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>Coma (,)</translation>
    </message>
    <message>
        <source>Delimiter</source>
        <translation>Delimitador</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>Detectado</translation>
    </message>
    <message>
        <source>Email column</source>
        <translation>Columna de correo</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Codificación</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>Fila de encabezado</translation>
    </message>
    <message>
        <source>How the file is read</source>
        <translation>Cómo se lee el archivo</translation>
    </message>
    <message>
        <source>Number…</source>
        <translation>Número…</translation>
    </message>
    <message>
        <source>Reply-To column</source>
        <translation>Columna Responder a</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>Punto y coma (;)</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Hoja</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulador</translation>
    </message>
    <message>
        <source>The first</source>
        <translation>La primera</translation>
    </message>
    <message>
        <source>Which address a row with several gets</source>
        <translation>Qué dirección recibe una fila que tiene varias</translation>
    </message>
    <message>
        <source>delimiter {delimiter}</source>
        <translation>delimitador {delimiter}</translation>
    </message>
    <message>
        <source>email column {column}</source>
        <translation>columna de correo {column}</translation>
    </message>
    <message>
        <source>encoding {encoding}</source>
        <translation>codificación {encoding}</translation>
    </message>
    <message>
        <source>header in row {row}</source>
        <translation>encabezado en la fila {row}</translation>
    </message>
    <message>
        <source>sheet {sheet}</source>
        <translation>hoja {sheet}</translation>
    </message>
</context>
<context>
    <name>Recipients</name>
    <message>
        <source>Cannot open {path}: {reason}</source>
        <translation>No se puede abrir {path}: {reason}</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>y {count} más</translation>
    </message>
    <message>
        <source>{file} has a header row but no recipients below it.</source>
        <translation>{file} tiene una fila de encabezado, pero ningún destinatario debajo.</translation>
    </message>
    <message>
        <source>{file} has no column that looks like email addresses (such as Email, E-Mail or Correo). Choose the email column among: {columns}.</source>
        <translation>{file} no tiene ninguna columna que parezca de direcciones de correo electrónico (como Email, E-Mail o Correo). Elija la columna de correo entre: {columns}.</translation>
    </message>
    <message>
        <source>{file} has no column {column!r}. Its columns are: {columns}.</source>
        <translation>{file} no tiene ninguna columna {column!r}. Sus columnas son: {columns}.</translation>
    </message>
    <message>
        <source>{file}: column names must be unique, but the header repeats {names}.</source>
        <translation>{file}: los nombres de columna deben ser únicos, pero el encabezado repite {names}.</translation>
    </message>
    <message>
        <source>{file}: the header row has no name in column(s) {positions}.</source>
        <translation>{file}: la fila de encabezado no tiene nombre en la(s) columna(s) {positions}.</translation>
    </message>
    <message>
        <source>{file}: the header row is counted from 1, as Excel does.</source>
        <translation>{file}: la fila de encabezado se cuenta desde 1, como en Excel.</translation>
    </message>
    <message>
        <source>{file}: this spreadsheet format cannot be read. Save it as Excel workbook (.xlsx) or CSV.</source>
        <translation>{file}: no se puede leer este formato de hoja de cálculo. Guárdelo como libro de Excel (.xlsx) o como CSV.</translation>
    </message>
    <message>
        <source>{location}: the address {value} in column {column!r}: {reason}.</source>
        <translation>{location}: la dirección {value} de la columna {column!r}: {reason}.</translation>
    </message>
    <message>
        <source>{location}: the cell in column {column!r} looks like a spreadsheet formula ({value}); it is used as plain text, never calculated.</source>
        <translation>{location}: la celda de la columna {column!r} parece una fórmula de hoja de cálculo ({value}); se usa como texto sin formato, nunca se calcula.</translation>
    </message>
    <message>
        <source>{location}: there is no email address in column {column!r}.</source>
        <translation>{location}: no hay ninguna dirección de correo electrónico en la columna {column!r}.</translation>
    </message>
    <message>
        <source>{location}: this row has {count} cells but the header has {width} columns; a delimiter, a quote or a header name is probably missing or extra.</source>
        <translation>{location}: esta fila tiene {count} celdas, pero el encabezado tiene {width} columnas; probablemente falta o sobra un delimitador, unas comillas o un nombre de encabezado.</translation>
    </message>
    <message>
        <source>{location}: {value!r} in column {column!r} is not a valid email address: {reason}.</source>
        <translation>{location}: {value!r} de la columna {column!r} no es una dirección de correo electrónico válida: {reason}.</translation>
    </message>
    <message>
        <source>{location}: {value} is already the address of row {first}.</source>
        <translation>{location}: {value} ya es la dirección de la fila {first}.</translation>
    </message>
    <message>
        <source>{name!r} in columns {positions}</source>
        <translation>{name!r} en las columnas {positions}</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} no existe.</translation>
    </message>
    <message>
        <source>{path} is a folder; choose the recipient file (.csv or Excel) in it.</source>
        <translation>{path} es una carpeta; elija dentro el archivo de destinatarios (.csv o Excel).</translation>
    </message>
    <message>
        <source>{path} is not a file saved on disk (it is a pipe, a device or a socket); choose a .csv or Excel file.</source>
        <translation>{path} no es un archivo guardado en disco (es una tubería, un dispositivo o un socket); elija un archivo .csv o de Excel.</translation>
    </message>
</context>
<context>
    <name>RecipientsModel</name>
    <message>
        <source>Bounced</source>
        <translation>Rebotado</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Revisar</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>No contactar</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicado</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>No válido</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Omitido</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Ready to send</source>
        <translation>Listo para enviar</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>You left this row out; it will not be sent.</source>
        <translation>Ha dejado fuera esta fila; no se enviará.</translation>
    </message>
</context>
<context>
    <name>RecipientsStep</name>
    <message numerus="yes">
        <source>%Ln left out</source>
        <translation>
            <numerusform>%Ln fuera</numerusform>
            <numerusform>%Ln fuera</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln ready</source>
        <translation>
            <numerusform>%Ln listo</numerusform>
            <numerusform>%Ln listos</numerusform>
        </translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>comprobando…</translation>
    </message>
    <message>
        <source>check stopped</source>
        <translation>comprobación detenida</translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln mostrado</numerusform>
            <numerusform>%Ln mostrados</numerusform>
        </translation>
    </message>
    <message>
        <source>A CSV or Excel file; you can also drop one here</source>
        <translation>Un archivo CSV o Excel; también puede soltarlo aquí</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Todas las filas</translation>
    </message>
    <message>
        <source>Find in any column…</source>
        <translation>Buscar en cualquier columna…</translation>
    </message>
    <message>
        <source>Find recipients</source>
        <translation>Buscar destinatarios</translation>
    </message>
    <message>
        <source>Loading {file}…</source>
        <translation>Cargando {file}…</translation>
    </message>
    <message>
        <source>No recipients yet: open a file or drop one here.</source>
        <translation>Aún no hay destinatarios: abra un archivo o suéltelo aquí.</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>Abrir un archivo…</translation>
    </message>
    <message>
        <source>Open recipients</source>
        <translation>Abrir destinatarios</translation>
    </message>
    <message>
        <source>Outlook contacts…</source>
        <translation>Contactos de Outlook…</translation>
    </message>
    <message>
        <source>Recipient lists (*.csv *.txt *.tsv *.xlsx *.xlsm *.xlsb *.xls *.ods)</source>
        <translation>Listas de destinatarios (*.csv *.txt *.tsv *.xlsx *.xlsm *.xlsb *.xls *.ods)</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <source>Recipients from your or a shared mailbox&apos;s contacts</source>
        <translation>Destinatarios de los contactos de su buzón o de uno compartido</translation>
    </message>
    <message>
        <source>Show rows</source>
        <translation>Mostrar filas</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover campaigns</source>
        <translation>Recuperar campañas</translation>
    </message>
    <message>
        <source>SecureMailMerge did not close properly. These campaigns have unsaved changes; recover one here, save the others as files to open later, or discard them.</source>
        <translation>SecureMailMerge no se cerró correctamente. Estas campañas tienen cambios sin guardar: recupere una aquí, guarde las demás como archivos para abrirlas más tarde o descártelas.</translation>
    </message>
    <message>
        <source>Unsaved campaigns</source>
        <translation>Campañas sin guardar</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>&amp;Recuperar</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Guardar como…</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>Más &amp;tarde</translation>
    </message>
    <message>
        <source>{name}, changed {time}</source>
        <translation>{name}, modificada {time}</translation>
    </message>
    <message>
        <source>Recovered campaign</source>
        <translation>Campaña recuperada</translation>
    </message>
    <message>
        <source>Save campaign</source>
        <translation>Guardar campaña</translation>
    </message>
    <message>
        <source>Campaigns (*{extension})</source>
        <translation>Campañas (*{extension})</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>{file} guardado.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <source>Campaign {folder} ({mode}), from {sender}: {status}.</source>
        <translation>Campaña {folder} ({mode}), desde {sender}: {status}.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Internet message id</source>
        <translation>Id de mensaje de Internet</translation>
    </message>
    <message>
        <source>Message id</source>
        <translation>Id del mensaje</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Sent as {shared}: the sent copies are in the Sent Items of {mailbox}, the mailbox that sent them, not in {shared}&apos;s.</source>
        <translation>Enviado como {shared}: las copias enviadas están en Elementos enviados de {mailbox}, el buzón que las envió, no en el de {shared}.</translation>
    </message>
    <message>
        <source>Sent copy in</source>
        <translation>Copia enviada en</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>The report must be a .csv or .xlsx file, not {file}.</source>
        <translation>El informe debe ser un archivo .csv o .xlsx, no {file}.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>bounced</source>
        <translation>rebotado</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregado</translation>
    </message>
    <message>
        <source>draft ready</source>
        <translation>borrador listo</translation>
    </message>
    <message>
        <source>draft started</source>
        <translation>borrador iniciado</translation>
    </message>
    <message>
        <source>drafts only</source>
        <translation>solo borradores</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>omitido</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>sin empezar</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planificado</translation>
    </message>
    <message>
        <source>running or interrupted</source>
        <translation>en curso o interrumpida</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>programado</translation>
    </message>
    <message>
        <source>send now</source>
        <translation>enviar ahora</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>enviándose</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviado</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
</context>
<context>
    <name>RichEditor</name>
    <message>
        <source>Address (https://…):</source>
        <translation>Dirección (https://…):</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Negrita</translation>
    </message>
    <message>
        <source>Bullets</source>
        <translation>Viñetas</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Color…</translation>
    </message>
    <message>
        <source>Font</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Font and insert</source>
        <translation>Fuente e insertar</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Tamaño de fuente</translation>
    </message>
    <message>
        <source>Formatting</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.gif)</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>Imagen…</translation>
    </message>
    <message>
        <source>Insert field</source>
        <translation>Insertar campo</translation>
    </message>
    <message>
        <source>Insert image</source>
        <translation>Insertar imagen</translation>
    </message>
    <message>
        <source>Insert link</source>
        <translation>Insertar vínculo</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Cursiva</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Vínculo…</translation>
    </message>
    <message>
        <source>Message body</source>
        <translation>Cuerpo del mensaje</translation>
    </message>
    <message>
        <source>Numbering</source>
        <translation>Numeración</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Color del texto</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>Subrayado</translation>
    </message>
</context>
<context>
    <name>Sandbox</name>
    <message>
        <source>--licensed {value}: the expiry must be a date like 2027-12-31.</source>
        <translation>--licensed {value}: la caducidad debe ser una fecha como 2027-12-31.</translation>
    </message>
    <message>
        <source>--licensed {value}: {reason}</source>
        <translation>--licensed {value}: {reason}</translation>
    </message>
    <message>
        <source>--port must be 0 or a port up to {highest}, not {value}.</source>
        <translation>--port debe ser 0 o un puerto hasta {highest}, no {value}.</translation>
    </message>
    <message>
        <source>--time-scale must be a number above 0, not {value}.</source>
        <translation>--time-scale debe ser un número mayor que 0, no {value}.</translation>
    </message>
    <message>
        <source>AADSTS50034: The user account {login} does not exist in the {tenant} directory.</source>
        <translation>AADSTS50034: La cuenta de usuario {login} no existe en el directorio {tenant}.</translation>
    </message>
    <message>
        <source>AADSTS50057: The user account {login} is disabled: it is a shared mailbox. Sign in as a person who has access to it.</source>
        <translation>AADSTS50057: La cuenta de usuario {login} está deshabilitada: es un buzón compartido. Inicie sesión como una persona que tenga acceso a él.</translation>
    </message>
    <message>
        <source>Exchange&apos;s sending delays and limits, e.g. seed=7,submit_delay=0,licenses=25</source>
        <translation>Retrasos y límites de envío de Exchange, p. ej. seed=7,submit_delay=0,licenses=25</translation>
    </message>
    <message>
        <source>Faults must look like SEED:PROFILE (e.g. 42:storm), not {text}.</source>
        <translation>Los errores deben tener la forma SEED:PROFILE (p. ej., 42:storm), no {text}.</translation>
    </message>
    <message>
        <source>Run the Microsoft 365 sandbox on 127.0.0.1.</source>
        <translation>Ejecutar el espacio aislado de Microsoft 365 en 127.0.0.1.</translation>
    </message>
    <message>
        <source>SQLite file that keeps the mailboxes</source>
        <translation>archivo SQLite que guarda los buzones</translation>
    </message>
    <message>
        <source>Sending settings look like name=value, not {text}.</source>
        <translation>Los ajustes de envío tienen la forma nombre=valor, no {text}.</translation>
    </message>
    <message>
        <source>The code {code} has expired: start the sign-in again.</source>
        <translation>El código {code} ha caducado: vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>The code {code} is not a code of this sandbox.</source>
        <translation>El código {code} no es de este espacio aislado.</translation>
    </message>
    <message>
        <source>The code {code} was already used.</source>
        <translation>El código {code} ya se usó.</translation>
    </message>
    <message>
        <source>The fault rate {name} must lie between 0 and 1, not {value}.</source>
        <translation>La tasa de errores {name} debe estar entre 0 y 1, no {value}.</translation>
    </message>
    <message>
        <source>The fault rates add up to more than 1.</source>
        <translation>Las tasas de errores suman más de 1.</translation>
    </message>
    <message>
        <source>The fault setting {name} cannot be negative.</source>
        <translation>El ajuste de errores {name} no puede ser negativo.</translation>
    </message>
    <message>
        <source>The fault setting {name} needs a number, not {value}.</source>
        <translation>El ajuste de errores {name} necesita un número, no {value}.</translation>
    </message>
    <message>
        <source>The headless browser only visits this computer, not {url}.</source>
        <translation>El explorador sin interfaz solo visita este equipo, no {url}.</translation>
    </message>
    <message>
        <source>The range of {name} must not end before it starts.</source>
        <translation>El intervalo de {name} no puede terminar antes de empezar.</translation>
    </message>
    <message>
        <source>The sandbox cannot listen on {host}:{port}: {reason}</source>
        <translation>El espacio aislado no puede escuchar en {host}:{port}: {reason}</translation>
    </message>
    <message>
        <source>The sending setting {name} cannot be negative.</source>
        <translation>El ajuste de envío {name} no puede ser negativo.</translation>
    </message>
    <message>
        <source>The sending setting {name} needs a number, not {value}.</source>
        <translation>El ajuste de envío {name} necesita un número, no {value}.</translation>
    </message>
    <message>
        <source>The sign-in page answered {status} without a form.</source>
        <translation>La página de inicio de sesión respondió {status} sin formulario.</translation>
    </message>
    <message>
        <source>The time scale must be above 0.</source>
        <translation>La escala de tiempo debe ser mayor que 0.</translation>
    </message>
    <message>
        <source>Unknown fault profile {name}; choose one of {names}.</source>
        <translation>Perfil de errores desconocido: {name}; elija uno de {names}.</translation>
    </message>
    <message>
        <source>Unknown fault setting {setting}; settings are {names}.</source>
        <translation>Ajuste de errores desconocido: {setting}; los ajustes son {names}.</translation>
    </message>
    <message>
        <source>Unknown sending setting {name}; settings are {names}.</source>
        <translation>Ajuste de envío desconocido {name}; los ajustes son {names}.</translation>
    </message>
    <message>
        <source>a commercially licensed address (repeatable; replaces the default list)</source>
        <translation>una dirección con licencia comercial (se puede repetir; reemplaza la lista predeterminada)</translation>
    </message>
    <message>
        <source>approve device-code sign-ins of the demo user at once</source>
        <translation>aprobar al instante los inicios de sesión con código de dispositivo del usuario de demostración</translation>
    </message>
    <message>
        <source>authority on N, Graph N+1, uploads N+2, license N+3 (default: free ports)</source>
        <translation>autoridad en N, Graph en N+1, cargas en N+2, licencias en N+3 (predeterminado: puertos libres)</translation>
    </message>
    <message>
        <source>concurrency is app or app+mailbox, not {value}.</source>
        <translation>concurrency es app o app+mailbox, no {value}.</translation>
    </message>
    <message>
        <source>inject faults: SEED:PROFILE, e.g. 42:storm</source>
        <translation>inyectar errores: SEED:PROFILE, p. ej., 42:storm</translation>
    </message>
    <message>
        <source>multiply Graph&apos;s time windows</source>
        <translation>multiplicar las ventanas de tiempo de Graph</translation>
    </message>
</context>
<context>
    <name>Scopes</name>
    <message>
        <source>Create the drafts of your messages and upload their attachments before sending.</source>
        <translation>Crear los borradores de sus mensajes y cargar sus archivos adjuntos antes de enviarlos.</translation>
    </message>
    <message>
        <source>Read a shared mailbox&apos;s category list, which Outlook keeps in a hidden item of its calendar.</source>
        <translation>Leer la lista de categorías de un buzón compartido, que Outlook guarda en un elemento oculto de su calendario.</translation>
    </message>
    <message>
        <source>Read recipients from the contacts of a shared mailbox you have access to.</source>
        <translation>Leer destinatarios de los contactos de un buzón compartido al que tiene acceso.</translation>
    </message>
    <message>
        <source>Read recipients from your own address book, in all of its contact folders.</source>
        <translation>Leer destinatarios de su propia libreta de direcciones, en todas sus carpetas de contactos.</translation>
    </message>
    <message>
        <source>Read your mailbox&apos;s time zone, sending limits and category list.</source>
        <translation>Leer la zona horaria, los límites de envío y la lista de categorías de su buzón.</translation>
    </message>
    <message>
        <source>Send the drafts as or on behalf of a shared mailbox, where you have that right.</source>
        <translation>Enviar los borradores como un buzón compartido o en su nombre, si tiene ese permiso.</translation>
    </message>
    <message>
        <source>Send the drafts from your own mailbox.</source>
        <translation>Enviar los borradores desde su propio buzón.</translation>
    </message>
    <message>
        <source>Sign you in, and show and license-check your address so nobody sends from the wrong mailbox.</source>
        <translation>Iniciar su sesión, mostrar su dirección y comprobar su licencia para que nadie envíe desde el buzón equivocado.</translation>
    </message>
</context>
<context>
    <name>SendStep</name>
    <message>
        <source> per minute</source>
        <translation> por minuto</translation>
    </message>
    <message>
        <source> recipients a day</source>
        <translation> destinatarios al día</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new bounces found.</source>
        <translation>
            <numerusform>Se encontró %Ln rebote nuevo.</numerusform>
            <numerusform>Se encontraron %Ln rebotes nuevos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows are left out (do-not-contact list or unsubscribed).</source>
        <translation>
            <numerusform>%Ln fila queda fuera (lista de no contactar o dada de baja).</numerusform>
            <numerusform>%Ln filas quedan fuera (lista de no contactar o dadas de baja).</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign {folder} started.</source>
        <translation>Campaña {folder} iniciada.</translation>
    </message>
    <message>
        <source>Cancel campaign</source>
        <translation>Cancelar campaña</translation>
    </message>
    <message numerus="yes">
        <source>Cancelled; %Ln unsent drafts deleted.</source>
        <translation>
            <numerusform>Cancelada; se eliminó %Ln borrador no enviado.</numerusform>
            <numerusform>Cancelada; se eliminaron %Ln borradores no enviados.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check for bounces</source>
        <translation>Buscar rebotes</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Recuentos</translation>
    </message>
    <message numerus="yes">
        <source>Create %Ln drafts, to be sent as {mailbox}?</source>
        <translation>
            <numerusform>¿Crear %Ln borrador, para enviar como {mailbox}?</numerusform>
            <numerusform>¿Crear %Ln borradores, para enviar como {mailbox}?</numerusform>
        </translation>
    </message>
    <message>
        <source>Daily cap</source>
        <translation>Límite diario</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Hecho.</translation>
    </message>
    <message>
        <source>Drafts made {drafted} · failed {failed}</source>
        <translation>Borradores creados {drafted} · fallidos {failed}</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exportar informe</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Exportar informe…</translation>
    </message>
    <message>
        <source>How to send</source>
        <translation>Cómo enviar</translation>
    </message>
    <message>
        <source>Look in your Inbox for messages that came back</source>
        <translation>Buscar en la Bandeja de entrada los mensajes devueltos</translation>
    </message>
    <message>
        <source>Messages per minute</source>
        <translation>Mensajes por minuto</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>No se envió nada.</translation>
    </message>
    <message>
        <source>Only between</source>
        <translation>Solo entre</translation>
    </message>
    <message>
        <source>Only create drafts</source>
        <translation>Crear solo borradores</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>Ritmo</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Sending row {row}, as the Preview shows it, to you as a test…</source>
        <translation>Enviándole como prueba la fila {row}, tal como la muestra la vista previa…</translation>
    </message>
    <message>
        <source>Before this run: {counts}</source>
        <translation>Antes de esta ejecución: {counts}</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>En pausa.</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Reports (*.csv *.xlsx)</source>
        <translation>Informes (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Resume that campaign</source>
        <translation>Reanudar esa campaña</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>Reanudada.</translation>
    </message>
    <message>
        <source>Row {row} bounced ({code}): {reason}</source>
        <translation>La fila {row} rebotó ({code}): {reason}</translation>
    </message>
    <message>
        <source>Row {row} failed ({code}): {reason}</source>
        <translation>La fila {row} falló ({code}): {reason}</translation>
    </message>
    <message>
        <source>Row {row}: draft made.</source>
        <translation>Fila {row}: borrador creado.</translation>
    </message>
    <message>
        <source>Row {row}: scheduled.</source>
        <translation>Fila {row}: programada.</translation>
    </message>
    <message>
        <source>Row {row}: sent.</source>
        <translation>Fila {row}: enviada.</translation>
    </message>
    <message numerus="yes">
        <source>Schedule %Ln messages from {mailbox}?</source>
        <translation>
            <numerusform>¿Programar %Ln mensaje desde {mailbox}?</numerusform>
            <numerusform>¿Programar %Ln mensajes desde {mailbox}?</numerusform>
        </translation>
    </message>
    <message>
        <source>Schedule for later</source>
        <translation>Programar para más tarde</translation>
    </message>
    <message>
        <source>Scheduled {scheduled} · failed {failed} · bounced {bounced}</source>
        <translation>Programados {scheduled} · fallidos {failed} · rebotados {bounced}</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message numerus="yes">
        <source>Send %Ln messages now from {mailbox}?</source>
        <translation>
            <numerusform>¿Enviar ahora %Ln mensaje desde {mailbox}?</numerusform>
            <numerusform>¿Enviar ahora %Ln mensajes desde {mailbox}?</numerusform>
        </translation>
    </message>
    <message>
        <source>Send at</source>
        <translation>Enviar a las</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Enviar ahora</translation>
    </message>
    <message>
        <source>Send test to me</source>
        <translation>Enviarme una prueba</translation>
    </message>
    <message>
        <source>Sending a test message to you…</source>
        <translation>Enviándole un mensaje de prueba…</translation>
    </message>
    <message>
        <source>Sending log</source>
        <translation>Registro de envío</translation>
    </message>
    <message>
        <source>Sending window</source>
        <translation>Horario de envío</translation>
    </message>
    <message>
        <source>Sending window end</source>
        <translation>Fin del horario de envío</translation>
    </message>
    <message>
        <source>Sending window start</source>
        <translation>Inicio del horario de envío</translation>
    </message>
    <message>
        <source>Sent {sent} · failed {failed} · bounced {bounced}</source>
        <translation>Enviados {sent} · fallidos {failed} · rebotados {bounced}</translation>
    </message>
    <message>
        <source>Start the campaign</source>
        <translation>Iniciar la campaña</translation>
    </message>
    <message>
        <source>Start…</source>
        <translation>Iniciar…</translation>
    </message>
    <message>
        <source>Stopped: {reason}</source>
        <translation>Detenida: {reason}</translation>
    </message>
    <message>
        <source>The campaign {folder} did not finish. Resume it? Nothing is sent twice.</source>
        <translation>La campaña {folder} no terminó. ¿Reanudarla? Nada se envía dos veces.</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <source>Waiting until {time}: {why}.</source>
        <translation>Esperando hasta {time}: {why}.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %Ln rows to {file}.</source>
        <translation>
            <numerusform>Se escribió %Ln fila en {file}.</numerusform>
            <numerusform>Se escribieron %Ln filas en {file}.</numerusform>
        </translation>
    </message>
    <message>
        <source>and</source>
        <translation>y</translation>
    </message>
    <message>
        <source>{pending} of {total} to go, from {mailbox}.</source>
        <translation>Faltan {pending} de {total}, desde {mailbox}.</translation>
    </message>
</context>
<context>
    <name>Sending</name>
    <message>
        <source>Open a recipient list and write a message first.</source>
        <translation>Abra primero una lista de destinatarios y escriba un mensaje.</translation>
    </message>
    <message>
        <source>Sign in first to send.</source>
        <translation>Inicie sesión primero para enviar.</translation>
    </message>
    <message>
        <source>Test message for row {row} sent to {address}.</source>
        <translation>Mensaje de prueba de la fila {row} enviado a {address}.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source> per minute</source>
        <translation> por minuto</translation>
    </message>
    <message>
        <source> recipients a day</source>
        <translation> destinatarios al día</translation>
    </message>
    <message>
        <source>&amp;Daily cap</source>
        <translation>Límite &amp;diario</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Pace</source>
        <translation>&amp;Ritmo</translation>
    </message>
    <message>
        <source>Choose a tenant configuration file</source>
        <translation>Elegir un archivo de configuración del inquilino</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Daily cap</source>
        <translation>Límite diario</translation>
    </message>
    <message>
        <source>Exchange Online allows 10,000 recipients a day per mailbox.</source>
        <translation>Exchange Online permite 10.000 destinatarios al día por buzón.</translation>
    </message>
    <message>
        <source>Exchange Online sends at most 30 messages a minute from one mailbox.</source>
        <translation>Exchange Online envía como máximo 30 mensajes por minuto desde un buzón.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Messages per minute</source>
        <translation>Mensajes por minuto</translation>
    </message>
    <message>
        <source>Only between</source>
        <translation>Solo entre</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envío</translation>
    </message>
    <message>
        <source>Sending window</source>
        <translation>Franja de envío</translation>
    </message>
    <message>
        <source>Sending window end</source>
        <translation>Fin de la franja de envío</translation>
    </message>
    <message>
        <source>Sending window start</source>
        <translation>Inicio de la franja de envío</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Páginas de la configuración</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>Tenant (for IT)</source>
        <translation>Inquilino (para TI)</translation>
    </message>
    <message>
        <source>Tenant configuration</source>
        <translation>Configuración del inquilino</translation>
    </message>
    <message>
        <source>Tenant configuration (*.json)</source>
        <translation>Configuración del inquilino (*.json)</translation>
    </message>
    <message>
        <source>Tenant configuration file</source>
        <translation>Archivo de configuración del inquilino</translation>
    </message>
    <message>
        <source>The Send step starts with these values.</source>
        <translation>El paso Enviar empieza con estos valores.</translation>
    </message>
    <message>
        <source>Use this file instead:</source>
        <translation>Usar este archivo en su lugar:</translation>
    </message>
    <message>
        <source>and</source>
        <translation>y</translation>
    </message>
    <message>
        <source>none: IT&apos;s file or your own, as shown above</source>
        <translation>ninguno: el archivo de TI o el suyo, como se muestra arriba</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Signed in as {address} {how}.</source>
        <translation>Sesión iniciada como {address} {how}.</translation>
    </message>
    <message>
        <source>in the browser</source>
        <translation>en el navegador</translation>
    </message>
    <message>
        <source>through this computer&apos;s sign-in (Web Account Manager or Company Portal)</source>
        <translation>mediante el inicio de sesión de este equipo (Web Account Manager o Portal de empresa)</translation>
    </message>
    <message>
        <source>with a code</source>
        <translation>con un código</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Copy code</source>
        <translation>Copiar código</translation>
    </message>
    <message>
        <source>Finish signing in in the window this computer shows, or else in your browser; this window waits for it.</source>
        <translation>Termine de iniciar sesión en la ventana que muestra este equipo, o si no en su navegador; esta ventana espera.</translation>
    </message>
    <message>
        <source>Finish signing in in your browser; this window waits for it.</source>
        <translation>Termine de iniciar sesión en el navegador; esta ventana lo espera.</translation>
    </message>
    <message>
        <source>Keeps the sign-in encrypted, with its key in the system keychain</source>
        <translation>Guarda la sesión cifrada, con su clave en el llavero del sistema</translation>
    </message>
    <message>
        <source>On any device, open &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt; and enter this code:</source>
        <translation>En cualquier dispositivo, abra &lt;a href=&quot;{url}&quot;&gt;{url}&lt;/a&gt; e introduzca este código:</translation>
    </message>
    <message>
        <source>SecureMailMerge asks Microsoft only for these permissions, each for one reason:</source>
        <translation>SecureMailMerge solo pide a Microsoft estos permisos, cada uno por un motivo:</translation>
    </message>
    <message>
        <source>Sign in to Microsoft 365</source>
        <translation>Iniciar sesión en Microsoft 365</translation>
    </message>
    <message>
        <source>Sign in with a code</source>
        <translation>Iniciar sesión con un código</translation>
    </message>
    <message>
        <source>Sign in with the browser</source>
        <translation>Iniciar sesión con el explorador</translation>
    </message>
    <message>
        <source>Sign in with this computer&apos;s account</source>
        <translation>Iniciar sesión con la cuenta de este equipo</translation>
    </message>
    <message>
        <source>Sign-in code</source>
        <translation>Código de inicio de sesión</translation>
    </message>
    <message>
        <source>Signing in goes through this computer&apos;s own sign-in (Web Account Manager or Company Portal); where that is not available your browser opens, and where no browser opens you get a code to enter on any device.</source>
        <translation>El inicio de sesión pasa por el propio inicio de sesión de este equipo (Administrador de cuentas web o Portal de empresa); donde no está disponible se abre su navegador, y donde no se abre ningún navegador recibe un código para introducir en cualquier dispositivo.</translation>
    </message>
    <message>
        <source>Signing in opens your browser; where no browser opens you get a code to enter on any device.</source>
        <translation>Para iniciar sesión se abre su navegador; donde no se abre ningún navegador recibe un código para introducir en cualquier dispositivo.</translation>
    </message>
    <message>
        <source>Stay signed in on this computer</source>
        <translation>Mantener la sesión iniciada en este equipo</translation>
    </message>
    <message>
        <source>Waiting for Microsoft…</source>
        <translation>Esperando a Microsoft…</translation>
    </message>
</context>
<context>
    <name>Template</name>
    <message>
        <source>Error in the {part} at line {line}, column {column}: {detail}</source>
        <translation>Error en {part}, línea {line}, columna {column}: {detail}</translation>
    </message>
    <message>
        <source>HTML body</source>
        <translation>el cuerpo HTML</translation>
    </message>
    <message>
        <source>The attachment name “{name}” would contain a line break.</source>
        <translation>El nombre del archivo adjunto «{name}» contendría un salto de línea.</translation>
    </message>
    <message>
        <source>The subject would contain a line break; check the fields it uses: {fields}.</source>
        <translation>El asunto contendría un salto de línea; compruebe los campos que usa: {fields}.</translation>
    </message>
    <message>
        <source>The template cannot be saved to {file}: {reason}.</source>
        <translation>No se puede guardar la plantilla en {file}: {reason}.</translation>
    </message>
    <message>
        <source>The template file {file} cannot be read: {reason}.</source>
        <translation>No se puede leer el archivo de plantilla {file}: {reason}.</translation>
    </message>
    <message>
        <source>The template file {file} is not a text file.</source>
        <translation>El archivo de plantilla {file} no es un archivo de texto.</translation>
    </message>
    <message>
        <source>The template uses the field “{field}”, which is not a column of the recipients.</source>
        <translation>La plantilla usa el campo «{field}», que no es una columna de los destinatarios.</translation>
    </message>
    <message>
        <source>The template {file} cannot be used (“{key}”): {reason}.</source>
        <translation>No se puede usar la plantilla {file} («{key}»): {reason}.</translation>
    </message>
    <message>
        <source>The template {file} has no &lt;title&gt;, which would be the subject.</source>
        <translation>La plantilla {file} no tiene &lt;title&gt;, que sería el asunto.</translation>
    </message>
    <message>
        <source>The template {file} is neither a .json nor an .html file.</source>
        <translation>La plantilla {file} no es un archivo .json ni .html.</translation>
    </message>
    <message>
        <source>The template {file} is not valid JSON at line {line}, column {column}: {reason}.</source>
        <translation>La plantilla {file} no es JSON válido en la línea {line}, columna {column}: {reason}.</translation>
    </message>
    <message>
        <source>The {part} cannot be filled in: {detail}.</source>
        <translation>No se puede rellenar {part}: {detail}.</translation>
    </message>
    <message>
        <source>The {part} tries something templates may not do: {detail}.</source>
        <translation>En {part} hay algo que las plantillas no pueden hacer: {detail}.</translation>
    </message>
    <message>
        <source>attachment name “{name}”</source>
        <translation>el nombre del archivo adjunto «{name}»</translation>
    </message>
    <message>
        <source>filling it in would make more than {limit} characters</source>
        <translation>rellenarla generaría más de {limit} caracteres</translation>
    </message>
    <message>
        <source>give either “{key}” or “{file_key}”, not both</source>
        <translation>indique «{key}» o «{file_key}», no ambos</translation>
    </message>
    <message>
        <source>it is missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>it must be a column name</source>
        <translation>debe ser un nombre de columna</translation>
    </message>
    <message>
        <source>it must be a file name</source>
        <translation>debe ser un nombre de archivo</translation>
    </message>
    <message>
        <source>it must be a list of file names</source>
        <translation>debe ser una lista de nombres de archivo</translation>
    </message>
    <message>
        <source>it must be text</source>
        <translation>debe ser texto</translation>
    </message>
    <message>
        <source>it must stay on one line</source>
        <translation>debe quedar en una sola línea</translation>
    </message>
    <message>
        <source>it takes longer than {seconds} seconds to fill in</source>
        <translation>rellenarla tarda más de {seconds} segundos</translation>
    </message>
    <message>
        <source>it takes more than {limit} steps to fill in; a loop or a macro repeats too often</source>
        <translation>rellenarla requiere más de {limit} pasos; un bucle o una macro se repite demasiadas veces</translation>
    </message>
    <message>
        <source>plain-text body</source>
        <translation>el cuerpo de texto sin formato</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>el asunto</translation>
    </message>
    <message>
        <source>the file must hold one JSON object</source>
        <translation>el archivo debe contener un objeto JSON</translation>
    </message>
    <message>
        <source>the number is too large</source>
        <translation>el número es demasiado grande</translation>
    </message>
    <message>
        <source>the number {number} given to “{name}” is too large (at most {limit})</source>
        <translation>el número {number} que se pasa a «{name}» es demasiado grande (máximo {limit})</translation>
    </message>
    <message>
        <source>the repeated list would be too large</source>
        <translation>la lista repetida sería demasiado grande</translation>
    </message>
    <message>
        <source>the repeated text is too long</source>
        <translation>el texto repetido es demasiado largo</translation>
    </message>
    <message>
        <source>the tag “{tag}” cannot be used: a template is one self-contained text</source>
        <translation>no se puede usar la etiqueta «{tag}»: una plantilla es un texto autónomo</translation>
    </message>
    <message>
        <source>the tag “{tag}” cannot be used: merge data is always escaped in HTML</source>
        <translation>no se puede usar la etiqueta «{tag}»: los datos de combinación siempre se escapan en HTML</translation>
    </message>
    <message>
        <source>the template is nested too deeply to read</source>
        <translation>la plantilla está demasiado anidada para leerla</translation>
    </message>
    <message>
        <source>there is no filter “{name}”</source>
        <translation>no existe el filtro «{name}»</translation>
    </message>
    <message>
        <source>there is no tag “{tag}”</source>
        <translation>no existe la etiqueta «{tag}»</translation>
    </message>
    <message>
        <source>there is no test “{name}”</source>
        <translation>no existe la prueba «{name}»</translation>
    </message>
    <message>
        <source>this key is unknown; the keys are {keys}</source>
        <translation>esta clave es desconocida; las claves son {keys}</translation>
    </message>
    <message>
        <source>{detail}. A field name may hold letters, digits, spaces and hyphens; write any other character as an underscore, as in {example}</source>
        <translation>{detail}. Un nombre de campo puede contener letras, dígitos, espacios y guiones; escriba cualquier otro carácter como guion bajo, como en {example}</translation>
    </message>
    <message>
        <source>{file}: {error}</source>
        <translation>{file}: {error}</translation>
    </message>
    <message>
        <source>“{name}” is not a merge field, and templates cannot read it</source>
        <translation>«{name}» no es un campo de combinación y las plantillas no pueden leerlo</translation>
    </message>
    <message>
        <source>“{name}” would make a text of more than {limit} characters</source>
        <translation>«{name}» generaría un texto de más de {limit} caracteres</translation>
    </message>
    <message>
        <source>“{opening}” is never closed with “{closing}”</source>
        <translation>«{opening}» nunca se cierra con «{closing}»</translation>
    </message>
    <message>
        <source>“{tag}” does not close or continue any open “{opening}” here</source>
        <translation>«{tag}» no cierra ni continúa aquí ningún «{opening}» abierto</translation>
    </message>
</context>
<context>
    <name>Tenant</name>
    <message>
        <source>The proxy {url} in {file} must look like http://host:port.</source>
        <translation>El proxy {url} de {file} debe tener la forma http://host:puerto.</translation>
    </message>
    <message>
        <source>The setting {name} in {file} must be text.</source>
        <translation>El ajuste {name} de {file} debe ser texto.</translation>
    </message>
    <message>
        <source>The setting {name} in {file} must start with https://: {url}</source>
        <translation>El ajuste {name} de {file} debe empezar por https://: {url}</translation>
    </message>
    <message>
        <source>The tenant configuration {file} does not exist.</source>
        <translation>La configuración del inquilino {file} no existe.</translation>
    </message>
    <message>
        <source>The tenant configuration {file} has no client_id.</source>
        <translation>La configuración del inquilino {file} no tiene client_id.</translation>
    </message>
    <message>
        <source>The tenant configuration {file} has unknown settings: {names}</source>
        <translation>La configuración del inquilino {file} tiene ajustes desconocidos: {names}</translation>
    </message>
    <message>
        <source>The tenant configuration {file} is not valid JSON: {error}</source>
        <translation>La configuración del inquilino {file} no es JSON válido: {error}</translation>
    </message>
    <message>
        <source>ca_file in {file} is allowed only for the built-in sandbox on this computer.</source>
        <translation>ca_file de {file} solo se permite para el espacio aislado integrado en este equipo.</translation>
    </message>
    <message>
        <source>{file} (for every user of this computer, set by your IT department)</source>
        <translation>{file} (para todos los usuarios de este equipo, establecida por su departamento de TI)</translation>
    </message>
    <message>
        <source>{file} (given when the app was started)</source>
        <translation>{file} (indicada al iniciar la aplicación)</translation>
    </message>
    <message>
        <source>{file} (the built-in sandbox on this computer)</source>
        <translation>{file} (el entorno de pruebas integrado en este equipo)</translation>
    </message>
    <message>
        <source>{file} (your own)</source>
        <translation>{file} (la suya propia)</translation>
    </message>
    <message>
        <source>{name} is set for every user of this computer in {file} and cannot be changed.</source>
        <translation>{name} está fijado en {file} para todos los usuarios de este equipo y no se puede cambiar.</translation>
    </message>
</context>
<context>
    <name>TenantPage</name>
    <message>
        <source>Application (client) ID</source>
        <translation>Id. de aplicación (cliente)</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Nube</translation>
    </message>
    <message>
        <source>In use now: {where}</source>
        <translation>En uso ahora: {where}</translation>
    </message>
    <message>
        <source>License server</source>
        <translation>Servidor de licencias</translation>
    </message>
    <message>
        <source>Microsoft Graph address</source>
        <translation>Dirección de Microsoft Graph</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>Dirección de inicio de sesión</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Inquilino</translation>
    </message>
    <message>
        <source>Where {setting} comes from</source>
        <translation>De dónde viene {setting}</translation>
    </message>
    <message>
        <source>built-in default</source>
        <translation>valor predeterminado integrado</translation>
    </message>
    <message>
        <source>none: the app works offline only</source>
        <translation>ninguna: la aplicación solo funciona sin conexión</translation>
    </message>
    <message>
        <source>none: the system&apos;s proxy settings</source>
        <translation>ninguno: la configuración de proxy del sistema</translation>
    </message>
    <message>
        <source>Your own settings are kept in {file}. IT&apos;s settings for every user of this computer are in {machine}.</source>
        <translation>Sus propios ajustes se guardan en {file}. Los ajustes de TI para todos los usuarios de este equipo están en {machine}.</translation>
    </message>
    <message>
        <source>other ({host})</source>
        <translation>otra ({host})</translation>
    </message>
    <message>
        <source>required: the application ID of the app registration</source>
        <translation>obligatorio: el id. de aplicación del registro de la aplicación</translation>
    </message>
    <message>
        <source>set by IT for every user (read-only)</source>
        <translation>fijado por TI para todos (solo lectura)</translation>
    </message>
    <message>
        <source>the built-in sandbox on this computer</source>
        <translation>el entorno de pruebas integrado en este equipo</translation>
    </message>
    <message>
        <source>your own file</source>
        <translation>su propio archivo</translation>
    </message>
    <message>
        <source>{name} in tenant.json</source>
        <translation>{name} en tenant.json</translation>
    </message>
</context>
<context>
    <name>TenantSwitch</name>
    <message>
        <source>This window keeps the tenant it was started with, {where}; changes here take effect the next time the app starts without it.</source>
        <translation>Esta ventana mantiene el inquilino con el que se inició, {where}; los cambios aquí se aplican la próxima vez que la aplicación se inicie sin él.</translation>
    </message>
    <message>
        <source>A campaign is sending now: changes take effect as soon as it ends.</source>
        <translation>Se está enviando una campaña: los cambios se aplican en cuanto termine.</translation>
    </message>
    <message>
        <source>Changes take effect when you press OK: you sign in again, to the tenant set here.</source>
        <translation>Los cambios se aplican al pulsar Aceptar: vuelve a iniciar sesión, en el inquilino configurado aquí.</translation>
    </message>
    <message>
        <source>The new tenant settings take effect as soon as the campaign ends.</source>
        <translation>Los nuevos ajustes del inquilino se aplican en cuanto termine la campaña.</translation>
    </message>
    <message>
        <source>No tenant is configured now: working offline.</source>
        <translation>Ahora no hay ningún inquilino configurado: se trabaja sin conexión.</translation>
    </message>
    <message>
        <source>Now using {where}.</source>
        <translation>Ahora se usa {where}.</translation>
    </message>
</context>
<context>
    <name>TokenCache</name>
    <message>
        <source>Stay signed in is unavailable because the keychain did not keep its key.</source>
        <translation>«Mantener la sesión iniciada» no está disponible porque el llavero no conservó su clave.</translation>
    </message>
    <message>
        <source>Stay signed in is unavailable because the keychain refused access: {error}</source>
        <translation>«Mantener la sesión iniciada» no está disponible porque el llavero denegó el acceso: {error}</translation>
    </message>
    <message>
        <source>Stay signed in needs the system keychain (Windows Credential Manager, macOS Keychain or a Secret Service such as GNOME Keyring) and none is available on this computer. You will be asked to sign in each time the app starts.</source>
        <translation>«Mantener la sesión iniciada» necesita el llavero del sistema (Administrador de credenciales de Windows, Llavero de macOS o un Secret Service como GNOME Keyring) y no hay ninguno disponible en este equipo. Se le pedirá que inicie sesión cada vez que se inicie la aplicación.</translation>
    </message>
</context>
<context>
    <name>XlsxFile</name>
    <message>
        <source>Cannot open {path}: {reason}</source>
        <translation>No se puede abrir {path}: {reason}</translation>
    </message>
    <message>
        <source>Row {row} of the sheet {sheet!r} of {file} is empty: it cannot be the header.</source>
        <translation>La fila {row} de la hoja {sheet!r} de {file} está vacía: no puede ser el encabezado.</translation>
    </message>
    <message>
        <source>The sheet {sheet!r} of {file} is empty: it has no header row and no recipients.</source>
        <translation>La hoja {sheet!r} de {file} está vacía: no tiene fila de encabezado ni destinatarios.</translation>
    </message>
    <message>
        <source>{file} cannot be read as an Excel workbook (.xlsx): it is damaged or in another format. Open it in Excel and save it again as .xlsx, or export the recipients as CSV.</source>
        <translation>No se puede leer {file} como libro de Excel (.xlsx): está dañado o tiene otro formato. Ábralo en Excel y vuelva a guardarlo como .xlsx, o exporte los destinatarios como CSV.</translation>
    </message>
    <message>
        <source>{file} has no sheet named {sheet!r}. Its sheets are: {sheets}.</source>
        <translation>{file} no tiene ninguna hoja llamada {sheet!r}. Sus hojas son: {sheets}.</translation>
    </message>
    <message>
        <source>{file} has no worksheet.</source>
        <translation>{file} no tiene ninguna hoja de cálculo.</translation>
    </message>
    <message>
        <source>{file} is a web page (HTML) with an Excel name, not a workbook. Open it in Excel and save it as Excel workbook (.xlsx), or export the recipients as CSV.</source>
        <translation>{file} es una página web (HTML) con nombre de Excel, no un libro. Ábrala en Excel y guárdela como libro de Excel (.xlsx), o exporte los destinatarios como CSV.</translation>
    </message>
    <message>
        <source>{file} is protected with a password. Open it in Excel and save it without a password (File &gt; Info &gt; Protect Workbook &gt; Encrypt with Password, then clear it), or export it as CSV.</source>
        <translation>{file} está protegido con una contraseña. Ábralo en Excel y guárdelo sin contraseña (Archivo &gt; Información &gt; Proteger libro &gt; Cifrar con contraseña, y bórrela), o expórtelo como CSV.</translation>
    </message>
    <message>
        <source>{file} is refused: its compressed content would inflate far beyond what a recipient list needs (it may be built to exhaust memory). Open it in Excel and save it again, or export the recipients as CSV.</source>
        <translation>{file} se rechaza: su contenido comprimido se descomprimiría mucho más allá de lo que necesita una lista de destinatarios (puede estar hecho para agotar la memoria). Ábralo en Excel y guárdelo de nuevo, o exporte los destinatarios como CSV.</translation>
    </message>
    <message>
        <source>{file}: column(s) {columns} hold values but have no name in the header row {row}. Give each column a name.</source>
        <translation>{file}: la(s) columna(s) {columns} tienen valores pero no tienen nombre en la fila de encabezado {row}. Dé un nombre a cada columna.</translation>
    </message>
    <message>
        <source>{file}: the header cell {cell} is merged over {merged}, so its other columns have no name. Unmerge the header cells and give each column its own name.</source>
        <translation>{file}: la celda de encabezado {cell} está combinada sobre {merged}, así que sus otras columnas no tienen nombre. Separe las celdas del encabezado y dé a cada columna su propio nombre.</translation>
    </message>
</context>
</TS>
