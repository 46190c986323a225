<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>HistoryWindow</name>
    <message>
        <source>Natural break</source>
        <translation>Natürliche Pause</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Partly done</source>
        <translation>Teilweise erledigt</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Verpasst</translation>
    </message>
    <message>
        <source>Stopped: it hurt</source>
        <translation>Abgebrochen: Schmerzen</translation>
    </message>
    <message>
        <source>Away from the desk</source>
        <translation>Weg vom Schreibtisch</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Sit-breaks</source>
        <translation>Sitzpausen</translation>
    </message>
    <message>
        <source>Pre-run</source>
        <translation>Vorlauf</translation>
    </message>
    <message>
        <source>Back care</source>
        <translation>Rückenpflege</translation>
    </message>
    <message>
        <source>Away from desk</source>
        <translation>Weg vom Schreibtisch</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Alle Ergebnisse</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>Letzte 4 Wochen</translation>
    </message>
    <message>
        <source>Last 12 weeks</source>
        <translation>Letzte 12 Wochen</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>{done} of {planned}</source>
        <translation>{done} von {planned}</translation>
    </message>
    <message>
        <source>{exercise}: done</source>
        <translation>{exercise}: erledigt</translation>
    </message>
    <message>
        <source>{exercise}: not finished</source>
        <translation>{exercise}: nicht beendet</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>ddd d MMM, HH:mm</source>
        <comment>date and time format of the table, this year</comment>
        <translation>ddd d. MMM, HH:mm</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy, HH:mm</source>
        <comment>date and time format of the table</comment>
        <translation>ddd d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Exercises</source>
        <translation>Übungen</translation>
    </message>
    <message>
        <source>Active time</source>
        <translation>Aktive Zeit</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>deskbreak: History</source>
        <translation>deskbreak: Verlauf</translation>
    </message>
    <message>
        <source>The history could not be read: {problem}</source>
        <translation>Der Verlauf konnte nicht gelesen werden: {problem}</translation>
    </message>
    <message>
        <source>No breaks recorded yet. Your sit-breaks will fill this page in.</source>
        <translation>Noch keine Pausen aufgezeichnet. Deine Sitzpausen füllen diese Seite nach und nach.</translation>
    </message>
    <message>
        <source>Streak</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Goal: {goal} % of sit-breaks taken</source>
        <translation>Ziel: {goal} % der Sitzpausen gemacht</translation>
    </message>
    <message>
        <source>No streak yet</source>
        <translation>Noch keine Serie</translation>
    </message>
    <message>
        <source>Goal met</source>
        <translation>Ziel erreicht</translation>
    </message>
    <message>
        <source>Goal not met yet</source>
        <translation>Ziel noch nicht erreicht</translation>
    </message>
    <message>
        <source>sit-breaks taken
{verdict}</source>
        <translation>Sitzpausen gemacht
{verdict}</translation>
    </message>
    <message>
        <source>No sit-break prompted yet today</source>
        <translation>Heute noch keine Sitzpause angeboten</translation>
    </message>
    <message>
        <source>Today: no sit-break prompted yet.</source>
        <translation>Heute: noch keine Sitzpause angeboten.</translation>
    </message>
    <message>
        <source>of exercise</source>
        <translation>Bewegung</translation>
    </message>
    <message>
        <source>This week: {minutes} of exercise, {taken}.</source>
        <translation>Diese Woche: {minutes} Bewegung, {taken}.</translation>
    </message>
    <message>
        <source>Daily goal, last {weeks} weeks</source>
        <translation>Tagesziel, letzte {weeks} Wochen</translation>
    </message>
    <message>
        <source>Minutes per muscle group</source>
        <translation>Minuten pro Muskelgruppe</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Today: {taken_of} sit-breaks taken. {verdict}.</source>
        <translation>Heute: {taken_of} Sitzpausen gemacht. {verdict}.</translation>
    </message>
    <message>
        <source>Not stretched lately</source>
        <translation>Länger nicht gedehnt</translation>
    </message>
    <message>
        <source>Nothing yet: the muscle groups your breaks work will show here.</source>
        <translation>Noch nichts: Hier erscheinen die Muskelgruppen, die deine Pausen trainieren.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>{target}: {since}</source>
        <translation>{target}: {since}</translation>
    </message>
    <message>
        <source>Stretch now</source>
        <translation>Jetzt dehnen</translation>
    </message>
    <message>
        <source>Start the break that works these muscle groups</source>
        <translation>Die Pause starten, die diese Muskelgruppen trainiert</translation>
    </message>
    <message>
        <source>All breaks</source>
        <translation>Alle Pausen</translation>
    </message>
    <message>
        <source>Loading all breaks…</source>
        <translation>Alle Pausen werden geladen…</translation>
    </message>
    <message>
        <source>{shown} of {total} breaks</source>
        <translation>{shown} von {total} Pausen</translation>
    </message>
</context>
<context>
    <name>announce</name>
    <message numerus="yes">
        <source>Hold %n seconds</source>
        <translation>
            <numerusform>%n Sekunde halten</numerusform>
            <numerusform>%n Sekunden halten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Start at login could not be changed</source>
        <translation>„Bei der Anmeldung starten“ konnte nicht geändert werden</translation>
    </message>
    <message>
        <source>Some of your settings were not used</source>
        <translation>Einige deiner Einstellungen wurden nicht übernommen</translation>
    </message>
    <message>
        <source>Your routine could not be saved</source>
        <translation>Deine Routine konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>deskbreak quit during the break</source>
        <translation>deskbreak wurde während der Pause beendet</translation>
    </message>
    <message>
        <source>{kind} in progress</source>
        <translation>{kind} läuft</translation>
    </message>
    <message>
        <source>Another window may be covering it.</source>
        <translation>Ein anderes Fenster verdeckt sie vielleicht.</translation>
    </message>
    <message>
        <source>Show the break</source>
        <translation>Pause zeigen</translation>
    </message>
    <message>
        <source>{kind} overdue</source>
        <translation>{kind} überfällig</translation>
    </message>
    <message>
        <source>It waited {delay} for: {reason}. It starts when that ends; or take it now from the tray.</source>
        <translation>Sie hat {delay} gewartet wegen: {reason}. Sie beginnt, wenn das endet; oder starte sie jetzt über das Symbol im Systembereich.</translation>
    </message>
    <message>
        <source>Run done? Time to cool down</source>
        <translation>Lauf vorbei? Zeit fürs Cool-down</translation>
    </message>
    <message>
        <source>Start back-care routine</source>
        <translation>Rückenpflege-Routine starten</translation>
    </message>
    <message>
        <source>Postpone {delay}</source>
        <translation>{delay} verschieben</translation>
    </message>
    <message>
        <source>Idle detection unavailable</source>
        <translation>Inaktivitätserkennung nicht verfügbar</translation>
    </message>
    <message>
        <source>ended by the user</source>
        <translation>von dir beendet</translation>
    </message>
    <message>
        <source>away from the desk for {duration}</source>
        <translation>{duration} weg vom Schreibtisch</translation>
    </message>
    <message>
        <source>deskbreak is running</source>
        <translation>deskbreak läuft</translation>
    </message>
    <message>
        <source>&apos;days&apos; must be a whole number from 1 to 366</source>
        <translation>&apos;days&apos; muss eine ganze Zahl von 1 bis 366 sein</translation>
    </message>
    <message>
        <source>{name}, the screen chosen for breaks, is not connected: breaks open on the screen with the mouse pointer until it is back.</source>
        <translation>{name}, der für Pausen gewählte Bildschirm, ist nicht angeschlossen: Pausen öffnen sich auf dem Bildschirm mit dem Mauszeiger, bis er wieder da ist.</translation>
    </message>
    <message>
        <source>{name}, the screen chosen for breaks, is not connected: breaks open on the primary screen until it is back.</source>
        <translation>{name}, der für Pausen gewählte Bildschirm, ist nicht angeschlossen: Pausen öffnen sich auf dem Hauptbildschirm, bis er wieder da ist.</translation>
    </message>
    <message>
        <source>Break screen not connected</source>
        <translation>Pausenbildschirm nicht angeschlossen</translation>
    </message>
</context>
<context>
    <name>break_window</name>
    <message>
        <source>Break done. Nice work.</source>
        <translation>Pause geschafft. Gut gemacht!</translation>
    </message>
    <message>
        <source>Close (Enter)</source>
        <translation>Schließen (Enter)</translation>
    </message>
    <message>
        <source>WHAT YOU DID</source>
        <extracomment>Exercises the done view shows however small its window; more scroll when the window has no room for them.</extracomment>
        <translation>DAS HAST DU GEMACHT</translation>
    </message>
    <message>
        <source>What you did</source>
        <translation>Was du gemacht hast</translation>
    </message>
    <message>
        <source>MUSCLE GROUPS WORKED</source>
        <translation>BEANSPRUCHTE MUSKELGRUPPEN</translation>
    </message>
    <message>
        <source>None this time: every exercise was skipped.</source>
        <translation>Diesmal keine: Alle Übungen wurden übersprungen.</translation>
    </message>
    <message>
        <source>Close this window (Enter or Esc)</source>
        <translation>Dieses Fenster schließen (Enter oder Esc)</translation>
    </message>
    <message>
        <source>Break done.</source>
        <translation>Pause geschafft.</translation>
    </message>
    <message>
        <source>Break over.</source>
        <translation>Pause vorbei.</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n exercises done</source>
        <translation>
            <numerusform>{done} von %n Übung erledigt</numerusform>
            <numerusform>{done} von %n Übungen erledigt</numerusform>
        </translation>
    </message>
    <message>
        <source>{duration} in all</source>
        <translation>insgesamt {duration}</translation>
    </message>
    <message>
        <source>OF {total} DONE</source>
        <translation>VON {total} ERLEDIGT</translation>
    </message>
    <message>
        <source>skipped after {duration}</source>
        <translation>nach {duration} übersprungen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>{exercise}: done, {duration}</source>
        <translation>{exercise}: erledigt, {duration}</translation>
    </message>
    <message>
        <source>{exercise}: {status}</source>
        <translation>{exercise}: {status}</translation>
    </message>
    <message>
        <source>Today so far: {targets}</source>
        <translation>Heute bisher: {targets}</translation>
    </message>
    <message>
        <source>{seconds} s next time, was {was} s</source>
        <translation>nächstes Mal {seconds} s, bisher {was} s</translation>
    </message>
    <message>
        <source>{exercise}: {seconds} s next time, was {was} s</source>
        <translation>{exercise}: nächstes Mal {seconds} s, bisher {was} s</translation>
    </message>
    <message>
        <source>Enter or Esc closes this window.</source>
        <translation>Enter oder Esc schließt dieses Fenster.</translation>
    </message>
    <message>
        <source>Closes by itself in {time} · Enter or Esc closes it now.</source>
        <translation>Schließt sich in {time} · Enter oder Esc schließt es sofort.</translation>
    </message>
    <message>
        <source>Your lower back hurts: no forward folds or intense backbends today. Stop if pain lasts more than a few minutes; see a doctor if it radiates to your hips or knees.</source>
        <translation>Dein unterer Rücken schmerzt: heute keine Vorbeugen und keine starken Rückbeugen. Hör auf, wenn Schmerzen länger als ein paar Minuten anhalten; geh zum Arzt, wenn sie in Hüfte oder Knie ausstrahlen.</translation>
    </message>
    <message>
        <source>Mild discomfort is normal at first. Stop if pain lasts more than a few minutes; see a doctor if it radiates.</source>
        <translation>Leichtes Ziehen ist anfangs normal. Hör auf, wenn Schmerzen länger als ein paar Minuten anhalten; geh zum Arzt, wenn sie ausstrahlen.</translation>
    </message>
    <message>
        <source>KEEP GOING</source>
        <translation>WEITER SO</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>Weiter so</translation>
    </message>
    <message>
        <source>HOLD</source>
        <translation>HALTEN</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>REST</source>
        <translation>PAUSE</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>GET READY</source>
        <translation>BEREITMACHEN</translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation>Bereitmachen</translation>
    </message>
    <message>
        <source>SWITCH SIDES</source>
        <translation>SEITE WECHSELN</translation>
    </message>
    <message>
        <source>Switch sides</source>
        <translation>Seite wechseln</translation>
    </message>
    <message>
        <source>Next: {what}</source>
        <translation>Als Nächstes: {what}</translation>
    </message>
    <message>
        <source>Then: {what}</source>
        <translation>Danach: {what}</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Bewegen</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Last one</source>
        <translation>Letzte Übung</translation>
    </message>
    <message>
        <source>Then: done</source>
        <translation>Danach: fertig</translation>
    </message>
    <message>
        <source>{cue}, rep {rep} of {reps}</source>
        <translation>{cue}, Wiederholung {rep} von {reps}</translation>
    </message>
    <message>
        <source>WORKS</source>
        <translation>TRAINIERT</translation>
    </message>
    <message>
        <source>Works: {targets}</source>
        <translation>Trainiert: {targets}</translation>
    </message>
    <message>
        <source>Take care</source>
        <translation>Achte darauf</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Pause or resume the countdown (Space)</source>
        <translation>Countdown anhalten oder fortsetzen (Leertaste)</translation>
    </message>
    <message>
        <source>Next exercise</source>
        <translation>Nächste Übung</translation>
    </message>
    <message>
        <source>Skip to the next exercise (Right arrow)</source>
        <translation>Zur nächsten Übung springen (Pfeil rechts)</translation>
    </message>
    <message>
        <source>This hurts</source>
        <translation>Das tut weh</translation>
    </message>
    <message>
        <source>Stop now and see what to do about pain</source>
        <translation>Jetzt aufhören und lesen, was bei Schmerzen hilft</translation>
    </message>
    <message>
        <source>Put this break off</source>
        <translation>Diese Pause verschieben</translation>
    </message>
    <message>
        <source>End break</source>
        <translation>Pause beenden</translation>
    </message>
    <message>
        <source>End this break now (Esc)</source>
        <translation>Diese Pause jetzt beenden (Esc)</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>noch {time}</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s left in this break</source>
        <translation>noch {minutes} min {seconds} s in dieser Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message numerus="yes">
        <source>%n seconds left</source>
        <translation>
            <numerusform>noch %n Sekunde</numerusform>
            <numerusform>noch %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>OF {reps}</source>
        <translation>VON {reps}</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>ANGEHALTEN</translation>
    </message>
    <message>
        <source>Paused. {what}</source>
        <translation>Angehalten. {what}</translation>
    </message>
    <message>
        <source>Step {number}: {step}</source>
        <translation>Schritt {number}: {step}</translation>
    </message>
    <message>
        <source>Step {number}</source>
        <translation>Schritt {number}</translation>
    </message>
    <message>
        <source>From the article:</source>
        <translation>Laut Artikel:</translation>
    </message>
    <message>
        <source>As you wrote it:</source>
        <translation>So wie du es geschrieben hast:</translation>
    </message>
    <message>
        <source>Your exercise</source>
        <translation>Deine Übung</translation>
    </message>
    <message>
        <source>The article says: {quote}</source>
        <translation>Im Artikel steht: {quote}</translation>
    </message>
    <message>
        <source>Our pacing:</source>
        <translation>Unser Tempo:</translation>
    </message>
    <message>
        <source>Our pacing, not the article&apos;s: {pacing}</source>
        <translation>Unser Tempo, nicht aus dem Artikel: {pacing}</translation>
    </message>
    <message>
        <source>Take care: {cautions}</source>
        <translation>Achte darauf: {cautions}</translation>
    </message>
    <message>
        <source>What to do about pain</source>
        <translation>Was bei Schmerzen zu tun ist</translation>
    </message>
    <message>
        <source>Stop the exercise and rest.</source>
        <translation>Hör mit der Übung auf und ruh dich aus.</translation>
    </message>
    <message>
        <source>The break has ended. Please read this before you carry on.</source>
        <translation>Die Pause ist beendet. Bitte lies das, bevor du weitermachst.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close this window (Esc)</source>
        <translation>Dieses Fenster schließen (Esc)</translation>
    </message>
    <message>
        <source>Needs: {equipment}</source>
        <translation>Benötigt: {equipment}</translation>
    </message>
    <message>
        <source>From </source>
        <translation>Aus </translation>
    </message>
    <message>
        <source>Source: {citation}</source>
        <translation>Quelle: {citation}</translation>
    </message>
    <message>
        <source>Postpone 5 min</source>
        <translation>5 min verschieben</translation>
    </message>
    <message>
        <source>{routine} · {length} · Exercise {ordinal} of {count}</source>
        <translation>{routine} · {length} · Übung {ordinal} von {count}</translation>
    </message>
    <message>
        <source>Illustration</source>
        <extracomment>Points of the movement compared to tell the layers that keep still from those that move. An eased frame is painted once some point of the figure has moved this far (pixels).</extracomment>
        <translation>Abbildung</translation>
    </message>
    <message>
        <source>Illustration not available: {what}</source>
        <translation>Abbildung nicht verfügbar: {what}</translation>
    </message>
    <message>
        <source>Illustration: {what}</source>
        <translation>Abbildung: {what}</translation>
    </message>
    <message>
        <source>works: {targets}</source>
        <translation>trainiert: {targets}</translation>
    </message>
</context>
<context>
    <name>calendar</name>
    <message>
        <source>deskbreak could not read all of your calendar</source>
        <translation>deskbreak konnte deinen Kalender nicht ganz lesen</translation>
    </message>
    <message>
        <source>{problem}; keeping the runs and meetings read before</source>
        <translation>{problem}; die zuvor gelesenen Läufe und Termine bleiben</translation>
    </message>
    <message>
        <source>{meeting} (until {time})</source>
        <translation>{meeting} (bis {time})</translation>
    </message>
    <message>
        <source>{path} could not be read: {reason}</source>
        <translation>{path} konnte nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>{event} skipped: {reason}</source>
        <translation>{event} übersprungen: {reason}</translation>
    </message>
    <message>
        <source>{event}: a line skipped: {reason}</source>
        <translation>{event}: eine Zeile übersprungen: {reason}</translation>
    </message>
    <message>
        <source>cannot read the calendar file {path}: {reason}</source>
        <translation>die Kalenderdatei {path} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>{path} is not a readable iCalendar file: it holds no complete calendar (no BEGIN:VCALENDAR ... END:VCALENDAR)</source>
        <translation>{path} ist keine lesbare iCalendar-Datei: Sie enthält keinen vollständigen Kalender (kein BEGIN:VCALENDAR ... END:VCALENDAR)</translation>
    </message>
    <message numerus="yes">
        <source>%n more problems not listed</source>
        <translation>
            <numerusform>%n weiteres Problem nicht aufgeführt</numerusform>
            <numerusform>%n weitere Probleme nicht aufgeführt</numerusform>
        </translation>
    </message>
    <message>
        <source>line {line} skipped: {text} without its BEGIN</source>
        <translation>Zeile {line} übersprungen: {text} ohne sein BEGIN</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>Zeile {line}</translation>
    </message>
    <message>
        <source>lines {first}-{last}</source>
        <translation>Zeilen {first}-{last}</translation>
    </message>
    <message>
        <source>{lines} skipped: outside BEGIN:VCALENDAR ... END:VCALENDAR</source>
        <translation>{lines} übersprungen: außerhalb von BEGIN:VCALENDAR ... END:VCALENDAR</translation>
    </message>
    <message numerus="yes">
        <source>stopped reading at line {line}: %n events in or near the days read are not read (past the limit of {limit} lines)</source>
        <translation>
            <numerusform>Lesen in Zeile {line} beendet: %n Termin in oder nahe den gelesenen Tagen wird nicht gelesen (jenseits der Grenze von {limit} Zeilen)</numerusform>
            <numerusform>Lesen in Zeile {line} beendet: %n Termine in oder nahe den gelesenen Tagen werden nicht gelesen (jenseits der Grenze von {limit} Zeilen)</numerusform>
        </translation>
    </message>
    <message>
        <source>line {line}: {component} skipped: {reason}</source>
        <translation>Zeile {line}: {component} übersprungen: {reason}</translation>
    </message>
    <message>
        <source>{path} is not a readable iCalendar file: more than {limit} lines outside its events</source>
        <translation>{path} ist keine lesbare iCalendar-Datei: mehr als {limit} Zeilen außerhalb ihrer Termine</translation>
    </message>
    <message>
        <source>line {line} skipped: {reason}</source>
        <translation>Zeile {line} übersprungen: {reason}</translation>
    </message>
    <message>
        <source>{path} is not a readable iCalendar file: {reason}</source>
        <translation>{path} ist keine lesbare iCalendar-Datei: {reason}</translation>
    </message>
    <message>
        <source>bad {name}: {problem}</source>
        <translation>fehlerhaftes {name}: {problem}</translation>
    </message>
    <message>
        <source>{event} skipped: it repeats more than {limit} times in the days read</source>
        <translation>{event} übersprungen: Er wiederholt sich in den gelesenen Tagen öfter als {limit}-mal</translation>
    </message>
    <message>
        <source>{event} skipped: it repeats more than {limit} times from its start to the days read</source>
        <translation>{event} übersprungen: Er wiederholt sich von seinem Beginn bis zu den gelesenen Tagen öfter als {limit}-mal</translation>
    </message>
    <message numerus="yes">
        <source>%n repeating events skipped, the first {event}: together, the calendar&apos;s events repeat more often than deskbreak follows in one read</source>
        <translation>
            <numerusform>%n wiederkehrender Termin übersprungen, der erste: {event}: Zusammen wiederholen sich die Termine des Kalenders öfter, als deskbreak in einem Lesevorgang verfolgt</numerusform>
            <numerusform>%n wiederkehrende Termine übersprungen, der erste: {event}: Zusammen wiederholen sich die Termine des Kalenders öfter, als deskbreak in einem Lesevorgang verfolgt</numerusform>
        </translation>
    </message>
    <message>
        <source>bad RRULE: FREQ={frequency}</source>
        <translation>fehlerhafte RRULE: FREQ={frequency}</translation>
    </message>
    <message>
        <source>unknown time zone {tzid} in {name}, read as local time</source>
        <translation>unbekannte Zeitzone {tzid} in {name}, als Ortszeit gelesen</translation>
    </message>
    <message>
        <source>event {uid}</source>
        <translation>Termin {uid}</translation>
    </message>
    <message>
        <source>event without UID</source>
        <translation>Termin ohne UID</translation>
    </message>
    <message>
        <source>missing {name}</source>
        <translation>{name} fehlt</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <source>Supine hamstring stretch</source>
        <translation>Dehnung der hinteren Oberschenkel in Rückenlage</translation>
    </message>
    <message>
        <source>Lie on your back with both knees bent and feet flat on the floor.</source>
        <translation>Leg dich auf den Rücken, beide Knie gebeugt, die Füße flach auf dem Boden.</translation>
    </message>
    <message>
        <source>Lift one leg and hold the back of the thigh with both hands.</source>
        <translation>Heb ein Bein an und halte die Rückseite des Oberschenkels mit beiden Händen.</translation>
    </message>
    <message>
        <source>Straighten the knee until you feel a gentle stretch along the back of the thigh.</source>
        <translation>Streck das Knie, bis du eine sanfte Dehnung an der Rückseite des Oberschenkels spürst.</translation>
    </message>
    <message>
        <source>Keep your head and low back resting on the floor and breathe slowly.</source>
        <translation>Lass Kopf und unteren Rücken auf dem Boden liegen und atme langsam.</translation>
    </message>
    <message>
        <source>Lower the leg gently, then do the other leg.</source>
        <translation>Senk das Bein behutsam ab, dann ist das andere Bein dran.</translation>
    </message>
    <message>
        <source>When your lower back is acting up, choose this over forward folds and deep backbends.</source>
        <translation>Wenn dein unterer Rücken Ärger macht, nimm diese Übung statt Vorbeugen und tiefer Rückbeugen.</translation>
    </message>
    <message>
        <source>Keep the stretch gentle.</source>
        <translation>Halte die Dehnung sanft.</translation>
    </message>
    <message>
        <source>the document recommends a supine hamstring stretch to open up tight hamstrings and ease lower-back tension, but gives no instructions or hold time; both are ours</source>
        <translation>der Artikel empfiehlt eine Dehnung der hinteren Oberschenkel in Rückenlage gegen verkürzte Oberschenkelrückseiten und Spannung im unteren Rücken, nennt aber weder Anleitung noch Haltedauer; beides ist von uns</translation>
    </message>
    <message>
        <source>Forearm plank</source>
        <translation>Unterarmstütz</translation>
    </message>
    <message>
        <source>Lie face down, then come up onto your forearms with elbows under your shoulders.</source>
        <translation>Leg dich auf den Bauch und stütz dich auf die Unterarme, die Ellbogen unter den Schultern.</translation>
    </message>
    <message>
        <source>Lift onto your toes so your body makes a straight line from head to heels.</source>
        <translation>Geh auf die Zehenspitzen, sodass dein Körper von Kopf bis Ferse eine gerade Linie bildet.</translation>
    </message>
    <message>
        <source>Tighten your tummy muscles and keep your hips level.</source>
        <translation>Spann die Bauchmuskeln an und halte die Hüften auf einer Höhe.</translation>
    </message>
    <message>
        <source>Breathe steadily while you hold.</source>
        <translation>Atme gleichmäßig, während du hältst.</translation>
    </message>
    <message>
        <source>Lower your knees to the floor to finish.</source>
        <translation>Leg zum Abschluss die Knie auf den Boden.</translation>
    </message>
    <message>
        <source>Keep your low back and pelvis steady; don&apos;t let your hips sag.</source>
        <translation>Halte unteren Rücken und Becken ruhig; lass die Hüften nicht durchhängen.</translation>
    </message>
    <message>
        <source>If your lower back is sore, do planks rather than crunches.</source>
        <translation>Wenn dein unterer Rücken schmerzt, mach lieber Unterarmstütze als Crunches.</translation>
    </message>
    <message>
        <source>the document recommends plank variations instead of crunches to strengthen the abdominals and support the spine, but gives no hold time</source>
        <translation>der Artikel empfiehlt Plank-Varianten statt Crunches, um die Bauchmuskeln zu stärken und die Wirbelsäule zu stützen, nennt aber keine Haltedauer</translation>
    </message>
    <message>
        <source>Hip-flexor stretch off a table edge</source>
        <translation>Hüftbeugerdehnung an der Tischkante</translation>
    </message>
    <message>
        <source>Lie on your back at the edge of a sturdy table or bed, one leg hanging off the edge.</source>
        <translation>Leg dich rücklings an die Kante eines stabilen Tischs oder Betts, ein Bein hängt über die Kante.</translation>
    </message>
    <message>
        <source>Hug the other thigh tightly to your chest.</source>
        <translation>Zieh den anderen Oberschenkel fest an die Brust.</translation>
    </message>
    <message>
        <source>Let the hanging leg relax down, or gently pull it toward the table and floor.</source>
        <translation>Lass das hängende Bein locker nach unten sinken oder zieh es sanft Richtung Tisch und Boden.</translation>
    </message>
    <message>
        <source>Feel the stretch at the front of the hanging hip, lower leg hanging close to a right angle.</source>
        <translation>Spür die Dehnung vorn an der Hüfte des hängenden Beins, der Unterschenkel hängt fast im rechten Winkel.</translation>
    </message>
    <message>
        <source>Bring the hanging leg back up onto the table, then switch legs.</source>
        <translation>Leg das hängende Bein wieder auf den Tisch, dann wechsle das Bein.</translation>
    </message>
    <message>
        <source>Keep the other thigh hugged tightly to your chest the whole time.</source>
        <translation>Halte den anderen Oberschenkel die ganze Zeit fest an der Brust.</translation>
    </message>
    <message>
        <source>Use a table or bed that is sturdy enough to lie on.</source>
        <translation>Nimm einen Tisch oder ein Bett, das stabil genug zum Darauflegen ist.</translation>
    </message>
    <message>
        <source>the document says several reps</source>
        <translation>der Artikel spricht von mehreren Wiederholungen</translation>
    </message>
    <message>
        <source>Split hip stretch</source>
        <translation>Hüftdehnung mit Ausfallschritt</translation>
    </message>
    <message>
        <source>Put one foot up on a step, bench or sturdy object two to three feet high.</source>
        <translation>Stell einen Fuß auf eine Stufe, Bank oder einen stabilen Gegenstand, 60 bis 90 cm hoch.</translation>
    </message>
    <message>
        <source>Lean in so the bent front leg rests against your chest, knee behind the toes.</source>
        <translation>Lehn dich vor, sodass das gebeugte vordere Bein an deiner Brust liegt, das Knie hinter den Zehen.</translation>
    </message>
    <message>
        <source>Keep the back leg straight and a little wide.</source>
        <translation>Halte das hintere Bein gestreckt und etwas breiter.</translation>
    </message>
    <message>
        <source>Squeeze the back leg&apos;s glute and thigh muscles to stretch the front of that hip.</source>
        <translation>Spann Gesäß und Oberschenkel des hinteren Beins an, um die Vorderseite dieser Hüfte zu dehnen.</translation>
    </message>
    <message>
        <source>Step down, then switch legs.</source>
        <translation>Steig herunter, dann wechsle das Bein.</translation>
    </message>
    <message>
        <source>Keep the front knee behind your toes.</source>
        <translation>Halte das vordere Knie hinter den Zehen.</translation>
    </message>
    <message>
        <source>Make the stretch by squeezing the back leg, not by arching your low back.</source>
        <translation>Dehne durch Anspannen des hinteren Beins, nicht durch ein Hohlkreuz.</translation>
    </message>
    <message>
        <source>All-fours bent-knee leg extension</source>
        <translation>Beinheben im Vierfüßlerstand mit gebeugtem Knie</translation>
    </message>
    <message>
        <source>Start on hands and knees with your back flat.</source>
        <translation>Beginn im Vierfüßlerstand mit geradem Rücken.</translation>
    </message>
    <message>
        <source>Keeping the knee bent, lift one leg up behind you, aiming the thigh level with your trunk.</source>
        <translation>Heb ein Bein mit gebeugtem Knie nach hinten an, bis der Oberschenkel etwa auf Rumpfhöhe ist.</translation>
    </message>
    <message>
        <source>Hold for three seconds, or one slow exhale.</source>
        <translation>Halte drei Sekunden oder einen langsamen Atemzug lang.</translation>
    </message>
    <message>
        <source>Lower the knee, then lift the other leg.</source>
        <translation>Senk das Knie ab, dann heb das andere Bein.</translation>
    </message>
    <message>
        <source>Only lift as high as you can without over-arching your low back.</source>
        <translation>Heb nur so hoch, wie es ohne Hohlkreuz geht.</translation>
    </message>
    <message>
        <source>Keep your low back and pelvis steady throughout.</source>
        <translation>Halte unteren Rücken und Becken die ganze Zeit ruhig.</translation>
    </message>
    <message>
        <source>Straight leg extension plus opposite arm</source>
        <translation>Gestrecktes Bein mit Gegenarm heben</translation>
    </message>
    <message>
        <source>Straighten one leg out behind you and reach the opposite arm forward at the same time.</source>
        <translation>Streck ein Bein nach hinten aus und gleichzeitig den gegenüberliegenden Arm nach vorn.</translation>
    </message>
    <message>
        <source>Hold for three seconds, or one slow exhale, then lower both.</source>
        <translation>Halte drei Sekunden oder einen langsamen Atemzug lang, dann senk beide ab.</translation>
    </message>
    <message>
        <source>Do all the repetitions on one side, then switch sides.</source>
        <translation>Mach alle Wiederholungen auf einer Seite, dann wechsle die Seite.</translation>
    </message>
    <message>
        <source>Keep your low back and pelvis steady; don&apos;t arch or twist as the leg lifts.</source>
        <translation>Halte unteren Rücken und Becken ruhig; kein Hohlkreuz und kein Verdrehen beim Beinheben.</translation>
    </message>
    <message>
        <source>Plank plus leg extension</source>
        <translation>Unterarmstütz mit Beinheben</translation>
    </message>
    <message>
        <source>Set up in a forearm plank, elbows under shoulders, body in a straight line.</source>
        <translation>Geh in den Unterarmstütz, Ellbogen unter den Schultern, der Körper in einer Linie.</translation>
    </message>
    <message>
        <source>Lift one straight leg until it is level with your trunk or just slightly higher.</source>
        <translation>Heb ein gestrecktes Bein, bis es auf Rumpfhöhe oder knapp darüber ist.</translation>
    </message>
    <message>
        <source>Hold for three seconds, or one slow exhale, then lower it.</source>
        <translation>Halte drei Sekunden oder einen langsamen Atemzug lang, dann senk es ab.</translation>
    </message>
    <message>
        <source>Lift the other leg, alternating sides.</source>
        <translation>Heb das andere Bein, immer abwechselnd.</translation>
    </message>
    <message>
        <source>This is an advanced strength exercise.</source>
        <translation>Das ist eine anspruchsvolle Kraftübung.</translation>
    </message>
    <message>
        <source>Keep your low back and pelvis steady as the leg lifts.</source>
        <translation>Halte unteren Rücken und Becken ruhig, während das Bein sich hebt.</translation>
    </message>
    <message>
        <source>the document says 10 to 20 total repetitions, alternating legs (5 to 10 per leg); we suggest the low end</source>
        <translation>der Artikel nennt insgesamt 10 bis 20 Wiederholungen, abwechselnd (5 bis 10 pro Bein); wir schlagen das untere Ende vor</translation>
    </message>
    <message>
        <source>Walk around</source>
        <translation>Herumgehen</translation>
    </message>
    <message>
        <source>Stop what you are doing and stand up from your desk.</source>
        <translation>Hör auf mit dem, was du gerade tust, und steh vom Schreibtisch auf.</translation>
    </message>
    <message>
        <source>Walk around gently at an easy pace.</source>
        <translation>Geh locker in gemütlichem Tempo herum.</translation>
    </message>
    <message>
        <source>Let your arms swing and your shoulders relax as you go.</source>
        <translation>Lass die Arme schwingen und die Schultern locker.</translation>
    </message>
    <message>
        <source>Gently stretch your back before you sit down again.</source>
        <translation>Dehn sanft den Rücken, bevor du dich wieder setzt.</translation>
    </message>
    <message>
        <source>the document says to take a few minutes every half hour to gently walk around and stretch your back</source>
        <translation>der Artikel rät, jede halbe Stunde ein paar Minuten locker herumzugehen und den Rücken zu dehnen</translation>
    </message>
    <message>
        <source>Shoulder circles</source>
        <translation>Schulterkreisen</translation>
    </message>
    <message>
        <source>Sit or stand tall with your arms relaxed by your sides.</source>
        <translation>Sitz oder steh aufrecht, die Arme locker an den Seiten.</translation>
    </message>
    <message>
        <source>Lift your shoulders toward your ears, then roll them back and down in a smooth circle.</source>
        <translation>Zieh die Schultern Richtung Ohren, dann roll sie in einem runden Kreis nach hinten und unten.</translation>
    </message>
    <message>
        <source>Keep the circles slow and easy, letting your upper back loosen.</source>
        <translation>Kreise langsam und locker und lass den oberen Rücken lockerer werden.</translation>
    </message>
    <message>
        <source>Reverse the direction halfway through.</source>
        <translation>Wechsle nach der Hälfte die Richtung.</translation>
    </message>
    <message>
        <source>the document says to do some shoulder circles, with no number</source>
        <translation>der Artikel rät zu etwas Schulterkreisen, ohne Anzahl</translation>
    </message>
    <message>
        <source>Lower back stretch, knee on the table</source>
        <translation>Dehnung für den unteren Rücken, Knie auf dem Tisch</translation>
    </message>
    <message>
        <source>Stand facing a sturdy table or desk at about hip height.</source>
        <translation>Stell dich vor einen stabilen Tisch oder Schreibtisch in etwa Hüfthöhe.</translation>
    </message>
    <message>
        <source>Lift one knee and rest it on the table, keeping the standing leg straight.</source>
        <translation>Heb ein Knie und leg es auf den Tisch, das Standbein bleibt gestreckt.</translation>
    </message>
    <message>
        <source>Lean forward from the hips, hands on the table for support.</source>
        <translation>Beug dich aus der Hüfte vor, die Hände zur Stütze auf dem Tisch.</translation>
    </message>
    <message>
        <source>Feel the stretch in the hip of the raised leg and hold.</source>
        <translation>Spür die Dehnung in der Hüfte des angehobenen Beins und halte.</translation>
    </message>
    <message>
        <source>Lower the leg carefully, then switch sides.</source>
        <translation>Nimm das Bein vorsichtig herunter, dann wechsle die Seite.</translation>
    </message>
    <message>
        <source>Use a steady table or desk and keep your hands on it for support.</source>
        <translation>Nimm einen stabilen Tisch und stütz dich mit den Händen darauf ab.</translation>
    </message>
    <message>
        <source>Keep the standing leg straight.</source>
        <translation>Halte das Standbein gestreckt.</translation>
    </message>
    <message>
        <source>Stop if you feel any pain or difficulty.</source>
        <translation>Hör auf, wenn du Schmerzen oder Schwierigkeiten hast.</translation>
    </message>
    <message>
        <source>Seated upper back stretch, arms crossed</source>
        <translation>Dehnung des oberen Rückens im Sitzen, Arme gekreuzt</translation>
    </message>
    <message>
        <source>Sit on a chair, knees hip-width apart, feet flat on the floor, and lean forward.</source>
        <translation>Setz dich auf einen Stuhl, Knie hüftbreit, Füße flach auf dem Boden, und beug dich vor.</translation>
    </message>
    <message>
        <source>Cross your arms and place each elbow on the outside of the opposite knee.</source>
        <translation>Kreuz die Arme und leg jeden Ellbogen außen an das gegenüberliegende Knie.</translation>
    </message>
    <message>
        <source>Gently push your knees outward against your elbows, just a little.</source>
        <translation>Drück die Knie sanft ein kleines Stück nach außen gegen die Ellbogen.</translation>
    </message>
    <message>
        <source>Hold, feeling the stretch across your upper back and shoulders.</source>
        <translation>Halte und spür die Dehnung quer über oberen Rücken und Schultern.</translation>
    </message>
    <message>
        <source>Uncross, then repeat with your arms crossed the other way.</source>
        <translation>Lös die Arme, dann wiederhole mit andersherum gekreuzten Armen.</translation>
    </message>
    <message>
        <source>Push only a small amount; keep it gentle.</source>
        <translation>Drück nur ein wenig; bleib sanft.</translation>
    </message>
    <message>
        <source>Standing roll-down</source>
        <translation>Abrollen im Stehen</translation>
    </message>
    <message>
        <source>Stand with feet hip-width apart and gently tighten your tummy muscles.</source>
        <translation>Stell dich hüftbreit hin und spann die Bauchmuskeln leicht an.</translation>
    </message>
    <message>
        <source>Draw your chin to your chest.</source>
        <translation>Zieh das Kinn zur Brust.</translation>
    </message>
    <message>
        <source>Roll down slowly, one vertebra at a time, reaching toward your toes.</source>
        <translation>Roll langsam Wirbel für Wirbel nach unten, Richtung Zehen.</translation>
    </message>
    <message>
        <source>Stop where it is still comfortable.</source>
        <translation>Hör dort auf, wo es noch angenehm ist.</translation>
    </message>
    <message>
        <source>Roll slowly back up to standing, head last.</source>
        <translation>Roll langsam wieder hoch in den Stand, der Kopf kommt zuletzt.</translation>
    </message>
    <message>
        <source>Move slowly and gently.</source>
        <translation>Beweg dich langsam und sanft.</translation>
    </message>
    <message>
        <source>Only roll down as far as you can comfortably go.</source>
        <translation>Roll nur so weit ab, wie es angenehm geht.</translation>
    </message>
    <message>
        <source>the document gives no count or timing; it says to roll down slowly as far as you can comfortably go, then back up</source>
        <translation>der Artikel nennt weder Anzahl noch Zeit; er sagt, langsam so weit abzurollen, wie es angenehm geht, und dann wieder hoch</translation>
    </message>
    <message>
        <source>Table-top core hold</source>
        <translation>Rumpfhalten in Tischposition</translation>
    </message>
    <message>
        <source>Lie on your back with your feet flat on the floor.</source>
        <translation>Leg dich auf den Rücken, die Füße flach auf dem Boden.</translation>
    </message>
    <message>
        <source>Lift your legs into table top: knees bent at a right angle, directly over your hips.</source>
        <translation>Heb die Beine in die Tischposition: Knie im rechten Winkel gebeugt, genau über den Hüften.</translation>
    </message>
    <message>
        <source>Rest your head on the floor and press your low back firmly into the ground.</source>
        <translation>Leg den Kopf ab und drück den unteren Rücken fest in den Boden.</translation>
    </message>
    <message>
        <source>Hold, then lower your feet back to the floor.</source>
        <translation>Halte, dann stell die Füße wieder auf den Boden.</translation>
    </message>
    <message>
        <source>Your low back must stay pressed into the ground the whole time.</source>
        <translation>Dein unterer Rücken muss die ganze Zeit am Boden bleiben.</translation>
    </message>
    <message>
        <source>If your low back starts to lift, go back to an easier position.</source>
        <translation>Wenn sich dein unterer Rücken hebt, geh zurück in eine leichtere Position.</translation>
    </message>
    <message>
        <source>Table-top core hold, head and shoulders up</source>
        <translation>Rumpfhalten in Tischposition, Kopf und Schultern oben</translation>
    </message>
    <message>
        <source>Lie on your back and lift your legs into table top, knees over hips.</source>
        <translation>Leg dich auf den Rücken und heb die Beine in die Tischposition, Knie über den Hüften.</translation>
    </message>
    <message>
        <source>Press your low back firmly into the ground.</source>
        <translation>Drück den unteren Rücken fest in den Boden.</translation>
    </message>
    <message>
        <source>Peel your head and shoulders off the floor.</source>
        <translation>Roll Kopf und Schultern vom Boden ab.</translation>
    </message>
    <message>
        <source>Keep your arms by your sides, lifted just off the floor, palms up, and hold.</source>
        <translation>Halte die Arme neben dem Körper, knapp über dem Boden, Handflächen nach oben, und halte.</translation>
    </message>
    <message>
        <source>Lower your head, shoulders and feet to finish.</source>
        <translation>Leg zum Abschluss Kopf, Schultern und Füße ab.</translation>
    </message>
    <message>
        <source>Table-top core hold, arms up</source>
        <translation>Rumpfhalten in Tischposition, Arme oben</translation>
    </message>
    <message>
        <source>Press your low back firmly into the ground and peel your head and shoulders up.</source>
        <translation>Drück den unteren Rücken fest in den Boden und roll Kopf und Schultern hoch.</translation>
    </message>
    <message>
        <source>Raise your arms above your hips, pointing straight up at the ceiling.</source>
        <translation>Streck die Arme über den Hüften senkrecht zur Decke.</translation>
    </message>
    <message>
        <source>Hold, then lower your arms, head, shoulders and feet.</source>
        <translation>Halte, dann senk Arme, Kopf, Schultern und Füße ab.</translation>
    </message>
    <message>
        <source>Table-top core hold, leg or arm reach</source>
        <translation>Rumpfhalten in Tischposition, Bein oder Arm strecken</translation>
    </message>
    <message>
        <source>Set up in table top with head and shoulders lifted and low back pressed down.</source>
        <translation>Geh in die Tischposition, Kopf und Schultern angehoben, unterer Rücken am Boden.</translation>
    </message>
    <message>
        <source>Slowly straighten one leg out, or reach one arm back in line with your ears.</source>
        <translation>Streck langsam ein Bein aus oder führ einen Arm nach hinten neben die Ohren.</translation>
    </message>
    <message>
        <source>For more challenge, extend both legs and/or both arms.</source>
        <translation>Für mehr Herausforderung streck beide Beine und/oder beide Arme.</translation>
    </message>
    <message>
        <source>Hold, then bring your arms and legs back in and lower to the floor.</source>
        <translation>Halte, dann hol Arme und Beine zurück und leg dich ab.</translation>
    </message>
    <message>
        <source>Standing twist</source>
        <translation>Rumpfdrehung im Stehen</translation>
    </message>
    <message>
        <source>Stand tall on both feet, ribs drawn down and pelvis slightly tucked.</source>
        <translation>Steh aufrecht auf beiden Füßen, Rippen nach unten, Becken leicht aufgerichtet.</translation>
    </message>
    <message>
        <source>Turn your upper body to one side, keeping your hips facing forward.</source>
        <translation>Dreh den Oberkörper zu einer Seite, die Hüften zeigen nach vorn.</translation>
    </message>
    <message>
        <source>Turn back through the middle and over to the other side.</source>
        <translation>Dreh zurück durch die Mitte und weiter zur anderen Seite.</translation>
    </message>
    <message>
        <source>Keep twisting gently side to side; feel a light stretch at the front of the hips.</source>
        <translation>Dreh dich sanft weiter von Seite zu Seite; spür eine leichte Dehnung vorn an den Hüften.</translation>
    </message>
    <message>
        <source>Start with a small range of motion and increase it gradually.</source>
        <translation>Fang mit kleinem Bewegungsumfang an und steigere ihn allmählich.</translation>
    </message>
    <message>
        <source>the document gives no count for these standing twists on their own; it goes on into a shallow-lunge twist, up to 30 twists per side in all</source>
        <translation>der Artikel nennt für diese Drehungen im Stehen allein keine Anzahl; er geht über in eine Drehung im flachen Ausfallschritt, insgesamt bis zu 30 Drehungen pro Seite</translation>
    </message>
    <message>
        <source>Shallow lunge twist</source>
        <translation>Drehung im flachen Ausfallschritt</translation>
    </message>
    <message>
        <source>Stand tall, ribs down and pelvis slightly tucked, then step your right leg back into a shallow lunge.</source>
        <translation>Steh aufrecht, Rippen unten, Becken leicht aufgerichtet, dann mach mit rechts einen flachen Ausfallschritt nach hinten.</translation>
    </message>
    <message>
        <source>Twist your upper body side to side, starting small.</source>
        <translation>Dreh den Oberkörper von Seite zu Seite, zuerst klein.</translation>
    </message>
    <message>
        <source>Extend your arms to twist further, first toward the back (right) leg.</source>
        <translation>Streck die Arme, um weiter zu drehen, zuerst zum hinteren (rechten) Bein.</translation>
    </message>
    <message>
        <source>If that feels fine, raise the right arm, lower the left, and twist further over the left side.</source>
        <translation>Wenn das gut geht, heb den rechten Arm, senk den linken und dreh weiter über die linke Seite.</translation>
    </message>
    <message>
        <source>Build up to 30 twists per side, then step back to standing.</source>
        <translation>Steigere dich auf 30 Drehungen pro Seite, dann komm zurück in den Stand.</translation>
    </message>
    <message>
        <source>Only move on to the bigger twists if the easier ones feel okay.</source>
        <translation>Geh nur zu den größeren Drehungen über, wenn sich die leichteren gut anfühlen.</translation>
    </message>
    <message>
        <source>Knees to chest</source>
        <translation>Knie zur Brust</translation>
    </message>
    <message>
        <source>Lie on your back and bend both knees.</source>
        <translation>Leg dich auf den Rücken und beug beide Knie.</translation>
    </message>
    <message>
        <source>Hold your knees and gently pull them together toward your chest.</source>
        <translation>Halte die Knie und zieh sie sanft gemeinsam zur Brust.</translation>
    </message>
    <message>
        <source>Feel the stretch in your low back and hold.</source>
        <translation>Spür die Dehnung im unteren Rücken und halte.</translation>
    </message>
    <message>
        <source>Release your feet slowly back to the floor, then repeat.</source>
        <translation>Stell die Füße langsam wieder ab, dann wiederhole.</translation>
    </message>
    <message>
        <source>Pull gently.</source>
        <translation>Zieh sanft.</translation>
    </message>
    <message>
        <source>Stop if mild pain lasts more than a few minutes.</source>
        <translation>Hör auf, wenn leichte Schmerzen länger als ein paar Minuten anhalten.</translation>
    </message>
    <message>
        <source>Prone press-up</source>
        <translation>Liegestütz-Aufrichten in Bauchlage</translation>
    </message>
    <message>
        <source>Lie on your stomach, palms flat on the floor beside your shoulders, as if for a push-up.</source>
        <translation>Leg dich auf den Bauch, die Handflächen neben den Schultern auf dem Boden, wie für einen Liegestütz.</translation>
    </message>
    <message>
        <source>Straighten your arms to lift your chest, keeping your hips on the floor.</source>
        <translation>Streck die Arme, um die Brust zu heben; die Hüften bleiben am Boden.</translation>
    </message>
    <message>
        <source>Hold briefly at the top.</source>
        <translation>Halte oben kurz.</translation>
    </message>
    <message>
        <source>Slowly bend your arms and lower your chest back to the floor.</source>
        <translation>Beug die Arme langsam und senk die Brust wieder auf den Boden.</translation>
    </message>
    <message>
        <source>Press up only as far as is comfortable.</source>
        <translation>Drück dich nur so weit hoch, wie es angenehm ist.</translation>
    </message>
    <message>
        <source>Depending on your back pain, this may not suit you; stop if mild pain lasts more than a few minutes.</source>
        <translation>Je nach Rückenschmerzen passt diese Übung vielleicht nicht zu dir; hör auf, wenn leichte Schmerzen länger als ein paar Minuten anhalten.</translation>
    </message>
    <message>
        <source>the document gives no number of repetitions</source>
        <translation>der Artikel nennt keine Anzahl an Wiederholungen</translation>
    </message>
    <message>
        <source>Abs-controlled back extension</source>
        <translation>Rückenstrecken aus der Bauchmuskulatur</translation>
    </message>
    <message>
        <source>Lie face down with your hands or forearms on the floor under your shoulders.</source>
        <translation>Leg dich auf den Bauch, Hände oder Unterarme unter den Schultern auf dem Boden.</translation>
    </message>
    <message>
        <source>Gently lift your chest, using your back and abs rather than pushing with your arms.</source>
        <translation>Heb die Brust sanft an, mit Rücken- und Bauchmuskeln statt mit Druck aus den Armen.</translation>
    </message>
    <message>
        <source>Stop while your abs still control the movement, hips staying on the floor.</source>
        <translation>Hör auf, solange die Bauchmuskeln die Bewegung noch kontrollieren; die Hüften bleiben am Boden.</translation>
    </message>
    <message>
        <source>Hold the stretch, then lower slowly.</source>
        <translation>Halte die Dehnung, dann senk dich langsam ab.</translation>
    </message>
    <message>
        <source>Keep very little weight on your arms or elbows.</source>
        <translation>Leg nur sehr wenig Gewicht auf Arme oder Ellbogen.</translation>
    </message>
    <message>
        <source>Don&apos;t let your hips leave the ground.</source>
        <translation>Lass die Hüften nicht vom Boden abheben.</translation>
    </message>
    <message>
        <source>Go only as far as your abs still control the movement.</source>
        <translation>Geh nur so weit, wie die Bauchmuskeln die Bewegung noch kontrollieren.</translation>
    </message>
    <message>
        <source>Lying knee-drop twist</source>
        <translation>Liegende Drehung mit fallenden Knien</translation>
    </message>
    <message>
        <source>Lie on your back, arms out to the sides, knees bent and feet flat on the floor.</source>
        <translation>Leg dich auf den Rücken, Arme seitlich ausgestreckt, Knie gebeugt, Füße flach auf dem Boden.</translation>
    </message>
    <message>
        <source>Look over your left shoulder.</source>
        <translation>Schau über deine linke Schulter.</translation>
    </message>
    <message>
        <source>Let your knees fall to the right as far as is comfortable, left shoulder staying down.</source>
        <translation>Lass die Knie so weit nach rechts fallen, wie es angenehm ist; die linke Schulter bleibt unten.</translation>
    </message>
    <message>
        <source>Feel the stretch through your left hip and low back, then bring the knees back up.</source>
        <translation>Spür die Dehnung in linker Hüfte und unterem Rücken, dann hol die Knie wieder hoch.</translation>
    </message>
    <message>
        <source>Repeat to the other side, looking right and dropping the knees left.</source>
        <translation>Wiederhole zur anderen Seite: nach rechts schauen, Knie nach links fallen lassen.</translation>
    </message>
    <message>
        <source>Keep the opposite shoulder anchored to the ground.</source>
        <translation>Halte die gegenüberliegende Schulter fest am Boden.</translation>
    </message>
    <message>
        <source>Let the knees go only as far as is comfortable.</source>
        <translation>Lass die Knie nur so weit sinken, wie es angenehm ist.</translation>
    </message>
    <message>
        <source>the document gives no hold time</source>
        <translation>der Artikel nennt keine Haltedauer</translation>
    </message>
    <message>
        <source>Kneeling hip-flexor stretch</source>
        <translation>Hüftbeugerdehnung im Knien</translation>
    </message>
    <message>
        <source>Kneel on your left knee, right foot on the floor in front, right knee bent at a right angle.</source>
        <translation>Knie auf dem linken Knie, der rechte Fuß vorn auf dem Boden, das rechte Knie im rechten Winkel.</translation>
    </message>
    <message>
        <source>Put your hands on your hips and keep your torso upright.</source>
        <translation>Leg die Hände auf die Hüften und halte den Oberkörper aufrecht.</translation>
    </message>
    <message>
        <source>Shift your weight forward until you feel the stretch at the front of the left hip.</source>
        <translation>Verlager dein Gewicht nach vorn, bis du die Dehnung vorn an der linken Hüfte spürst.</translation>
    </message>
    <message>
        <source>Hold, then ease back and switch sides.</source>
        <translation>Halte, dann geh zurück und wechsle die Seite.</translation>
    </message>
    <message>
        <source>Don&apos;t lean your torso forward as you shift your weight.</source>
        <translation>Lehn den Oberkörper beim Verlagern nicht nach vorn.</translation>
    </message>
    <message>
        <source>Across-the-body glute stretch</source>
        <translation>Gesäßdehnung quer über den Körper</translation>
    </message>
    <message>
        <source>Lie on your back and bend one knee up toward your chest.</source>
        <translation>Leg dich auf den Rücken und zieh ein Knie zur Brust.</translation>
    </message>
    <message>
        <source>Hold the knee with one hand and the ankle with the other.</source>
        <translation>Halte das Knie mit einer Hand und den Knöchel mit der anderen.</translation>
    </message>
    <message>
        <source>Pull the bent leg across your body until you feel your glutes stretch tight.</source>
        <translation>Zieh das gebeugte Bein quer über den Körper, bis du das Gesäß deutlich gedehnt spürst.</translation>
    </message>
    <message>
        <source>Hold, then release and switch legs.</source>
        <translation>Halte, dann lös und wechsle das Bein.</translation>
    </message>
    <message>
        <source>Don&apos;t overstrain; keep the stretch comfortable.</source>
        <translation>Übertreib es nicht; die Dehnung soll angenehm bleiben.</translation>
    </message>
    <message>
        <source>Straight-leg drop twist</source>
        <translation>Drehung mit gestrecktem Bein</translation>
    </message>
    <message>
        <source>Lie on your back with your arms stretched out to the sides.</source>
        <translation>Leg dich auf den Rücken, die Arme seitlich ausgestreckt.</translation>
    </message>
    <message>
        <source>Raise your right leg straight up toward the ceiling.</source>
        <translation>Heb das rechte Bein gestreckt zur Decke.</translation>
    </message>
    <message>
        <source>Lower it across your body to the left, reaching the foot toward your left hand.</source>
        <translation>Senk es quer über den Körper nach links, der Fuß strebt zur linken Hand.</translation>
    </message>
    <message>
        <source>Bring the leg back up to vertical, then lower it slowly to the floor.</source>
        <translation>Bring das Bein zurück in die Senkrechte, dann senk es langsam auf den Boden.</translation>
    </message>
    <message>
        <source>Repeat, then do the same with the left leg.</source>
        <translation>Wiederhole, dann dasselbe mit dem linken Bein.</translation>
    </message>
    <message>
        <source>Go only as far as is comfortable; the foot doesn&apos;t have to reach your hand.</source>
        <translation>Geh nur so weit, wie es angenehm ist; der Fuß muss die Hand nicht erreichen.</translation>
    </message>
    <message>
        <source>Lower the leg to the floor slowly.</source>
        <translation>Senk das Bein langsam auf den Boden.</translation>
    </message>
    <message>
        <source>Low-bar hang with crossed legs</source>
        <translation>Hängen an der tiefen Stange mit gekreuzten Beinen</translation>
    </message>
    <message>
        <source>Use a pull-up bar set low enough that your feet stay on the ground.</source>
        <translation>Nimm eine Klimmzugstange, die so tief hängt, dass deine Füße am Boden bleiben.</translation>
    </message>
    <message>
        <source>Grip the bar with both hands and lean or hang back from it, feet on the floor.</source>
        <translation>Greif die Stange mit beiden Händen und lehn oder häng dich nach hinten, die Füße am Boden.</translation>
    </message>
    <message>
        <source>Cross your legs and let your back, sides and lats lengthen.</source>
        <translation>Kreuz die Beine und lass Rücken, Flanken und seitliche Rückenmuskeln länger werden.</translation>
    </message>
    <message>
        <source>Take your weight back onto your feet before letting go.</source>
        <translation>Nimm das Gewicht wieder auf die Füße, bevor du loslässt.</translation>
    </message>
    <message>
        <source>Keep your feet on the ground so you control how much you hang.</source>
        <translation>Lass die Füße am Boden, damit du steuerst, wie stark du hängst.</translation>
    </message>
    <message>
        <source>Downward dog</source>
        <translation>Herabschauender Hund</translation>
    </message>
    <message>
        <source>Start on hands and knees.</source>
        <translation>Beginn im Vierfüßlerstand.</translation>
    </message>
    <message>
        <source>Tuck your toes and lift your hips up and back into an upside-down V.</source>
        <translation>Stell die Zehen auf und schieb die Hüften nach oben und hinten zu einem umgedrehten V.</translation>
    </message>
    <message>
        <source>Let your head hang loose between your arms.</source>
        <translation>Lass den Kopf locker zwischen den Armen hängen.</translation>
    </message>
    <message>
        <source>Press your heels toward the floor, bending your knees if you need to.</source>
        <translation>Drück die Fersen Richtung Boden, beug die Knie, wenn nötig.</translation>
    </message>
    <message>
        <source>Lower your knees to the floor to come out.</source>
        <translation>Leg zum Auflösen die Knie auf den Boden.</translation>
    </message>
    <message>
        <source>Your heels don&apos;t have to touch the floor.</source>
        <translation>Deine Fersen müssen den Boden nicht berühren.</translation>
    </message>
    <message>
        <source>If your hips, low back or hamstrings are tight, keep your knees bent.</source>
        <translation>Wenn Hüften, unterer Rücken oder hintere Oberschenkel verspannt sind, lass die Knie gebeugt.</translation>
    </message>
    <message>
        <source>Plank</source>
        <translation>Plank</translation>
    </message>
    <message>
        <source>Start on all fours, then lower onto your forearms with shoulders over elbows.</source>
        <translation>Beginn im Vierfüßlerstand, dann geh auf die Unterarme, die Schultern über den Ellbogen.</translation>
    </message>
    <message>
        <source>Step your feet back so your body forms one long, straight line.</source>
        <translation>Setz die Füße nach hinten, sodass dein Körper eine lange, gerade Linie bildet.</translation>
    </message>
    <message>
        <source>Draw your shoulders down and back, not hunched.</source>
        <translation>Zieh die Schultern nach unten und hinten, nicht hochgezogen.</translation>
    </message>
    <message>
        <source>Tighten your abs and squeeze your legs and glutes to hold the line.</source>
        <translation>Spann Bauch, Beine und Gesäß an, um die Linie zu halten.</translation>
    </message>
    <message>
        <source>Hold, then lower your knees to the floor to rest.</source>
        <translation>Halte, dann leg die Knie zum Ausruhen ab.</translation>
    </message>
    <message>
        <source>Keep your hips in line with your shoulders: no sagging or piking.</source>
        <translation>Halte die Hüften auf Linie mit den Schultern: nicht durchhängen, nicht hochschieben.</translation>
    </message>
    <message>
        <source>Add hold time gradually as your core gets stronger.</source>
        <translation>Verlängere die Haltedauer nach und nach, wenn dein Rumpf kräftiger wird.</translation>
    </message>
    <message>
        <source>Stability ball back extension</source>
        <translation>Rückenstrecken auf dem Gymnastikball</translation>
    </message>
    <message>
        <source>Lie face down over a stability ball, feet on the floor, body in a straight line.</source>
        <translation>Leg dich bäuchlings über einen Gymnastikball, Füße am Boden, der Körper in einer Linie.</translation>
    </message>
    <message>
        <source>Put your hands behind your ears and keep your back in its natural arch.</source>
        <translation>Leg die Hände hinter die Ohren und halte den Rücken in seiner natürlichen Krümmung.</translation>
    </message>
    <message>
        <source>Lower your upper body over the ball as far as is comfortable.</source>
        <translation>Senk den Oberkörper so weit über den Ball, wie es angenehm ist.</translation>
    </message>
    <message>
        <source>Squeeze your glutes and back to raise your torso in line with your legs.</source>
        <translation>Spann Gesäß und Rücken an und heb den Oberkörper auf Linie mit den Beinen.</translation>
    </message>
    <message>
        <source>Pause, then lower slowly back down.</source>
        <translation>Kurz halten, dann langsam wieder absenken.</translation>
    </message>
    <message>
        <source>Keep your core engaged throughout.</source>
        <translation>Halte den Rumpf die ganze Zeit angespannt.</translation>
    </message>
    <message>
        <source>Lower only as far as you comfortably can, and lower slowly.</source>
        <translation>Senk dich nur so weit, wie es angenehm geht, und senk langsam.</translation>
    </message>
    <message>
        <source>Stability ball pike</source>
        <translation>Pike auf dem Gymnastikball</translation>
    </message>
    <message>
        <source>Get into a high plank, shoulders over wrists, tops of your feet on a stability ball.</source>
        <translation>Geh in den hohen Liegestütz, Schultern über den Handgelenken, die Fußrücken auf einem Gymnastikball.</translation>
    </message>
    <message>
        <source>Make one straight line from head to ankles.</source>
        <translation>Bilde eine gerade Linie vom Kopf bis zu den Knöcheln.</translation>
    </message>
    <message>
        <source>Keeping your knees straight, raise your hips toward the ceiling to roll the ball in.</source>
        <translation>Heb die Hüften mit gestreckten Knien zur Decke und roll den Ball heran.</translation>
    </message>
    <message>
        <source>Pause at the top, then lower your hips and roll the ball back out.</source>
        <translation>Halte oben kurz, dann senk die Hüften und roll den Ball wieder hinaus.</translation>
    </message>
    <message>
        <source>Do not bend your knees during the pike.</source>
        <translation>Beug die Knie beim Pike nicht.</translation>
    </message>
    <message>
        <source>Too hard? Start with the stability ball knee tuck instead.</source>
        <translation>Zu schwer? Fang stattdessen mit dem Knieanziehen auf dem Gymnastikball an.</translation>
    </message>
    <message>
        <source>Stability ball knee tuck</source>
        <translation>Knieanziehen auf dem Gymnastikball</translation>
    </message>
    <message>
        <source>Get into a high plank with your shins resting on a stability ball.</source>
        <translation>Geh in den hohen Liegestütz, die Schienbeine auf einem Gymnastikball.</translation>
    </message>
    <message>
        <source>Draw your knees toward your chest, rolling the ball toward your feet.</source>
        <translation>Zieh die Knie zur Brust und roll den Ball zu den Füßen.</translation>
    </message>
    <message>
        <source>Keep your hips down as the knees come in.</source>
        <translation>Halte die Hüften unten, während die Knie herankommen.</translation>
    </message>
    <message>
        <source>Straighten your legs to roll the ball back out to the start.</source>
        <translation>Streck die Beine und roll den Ball zurück in die Ausgangsposition.</translation>
    </message>
    <message>
        <source>Do not raise your hips; that is the harder pike version.</source>
        <translation>Heb die Hüften nicht; das ist die schwerere Pike-Variante.</translation>
    </message>
    <message>
        <source>Move on to the pike as you get stronger and more stable.</source>
        <translation>Geh zum Pike über, wenn du kräftiger und stabiler wirst.</translation>
    </message>
    <message>
        <source>The document says to repeat it and work up to the pike as you get stronger; it gives no count.</source>
        <translation>Der Artikel sagt, die Übung zu wiederholen und dich zum Pike hochzuarbeiten, wenn du kräftiger wirst; eine Anzahl nennt er nicht.</translation>
    </message>
    <message>
        <source>Stability ball reverse leg raise</source>
        <translation>Umgekehrtes Beinheben auf dem Gymnastikball</translation>
    </message>
    <message>
        <source>Lie face down with your hips on a stability ball, hands on the floor under your shoulders.</source>
        <translation>Leg dich mit den Hüften bäuchlings auf einen Gymnastikball, die Hände unter den Schultern am Boden.</translation>
    </message>
    <message>
        <source>Stretch your legs out straight behind you, toes on the floor.</source>
        <translation>Streck die Beine gerade nach hinten aus, die Zehen am Boden.</translation>
    </message>
    <message>
        <source>Squeeze your glutes and lower back to lift your legs in line with your torso.</source>
        <translation>Spann Gesäß und unteren Rücken an und heb die Beine auf Linie mit dem Oberkörper.</translation>
    </message>
    <message>
        <source>Lower your legs back down to the floor.</source>
        <translation>Senk die Beine wieder auf den Boden.</translation>
    </message>
    <message>
        <source>Keep your legs as straight as you can.</source>
        <translation>Halte die Beine so gerade wie möglich.</translation>
    </message>
    <message>
        <source>Glute bridge</source>
        <translation>Gesäßbrücke</translation>
    </message>
    <message>
        <source>Lie face up with knees bent, feet flat on the floor, arms at your sides.</source>
        <translation>Leg dich auf den Rücken, Knie gebeugt, Füße flach auf dem Boden, Arme neben dem Körper.</translation>
    </message>
    <message>
        <source>Squeeze your glutes and lift your hips until shoulders, hips and knees line up.</source>
        <translation>Spann das Gesäß an und heb die Hüften, bis Schultern, Hüften und Knie eine Linie bilden.</translation>
    </message>
    <message>
        <source>Pause at the top.</source>
        <translation>Halte oben kurz.</translation>
    </message>
    <message>
        <source>Lower your hips back to the floor.</source>
        <translation>Senk die Hüften wieder auf den Boden.</translation>
    </message>
    <message>
        <source>Lift only until shoulders, hips and knees form a straight line.</source>
        <translation>Heb nur, bis Schultern, Hüften und Knie eine gerade Linie bilden.</translation>
    </message>
    <message>
        <source>Locust pose</source>
        <translation>Heuschrecke</translation>
    </message>
    <message>
        <source>Lie face down, legs straight, arms at your sides with palms down.</source>
        <translation>Leg dich auf den Bauch, Beine gestreckt, Arme neben dem Körper, Handflächen nach unten.</translation>
    </message>
    <message>
        <source>Squeeze your glutes and lower back muscles.</source>
        <translation>Spann Gesäß und untere Rückenmuskeln an.</translation>
    </message>
    <message>
        <source>Lift your head, chest, arms and legs off the mat, turning your thumbs to the ceiling.</source>
        <translation>Heb Kopf, Brust, Arme und Beine von der Matte und dreh die Daumen zur Decke.</translation>
    </message>
    <message>
        <source>Hold, then relax back down to the floor and rest before the next one.</source>
        <translation>Halte, dann leg dich wieder ab und ruh dich vor der nächsten aus.</translation>
    </message>
    <message>
        <source>Side plank</source>
        <translation>Seitstütz</translation>
    </message>
    <message>
        <source>Lie on your right side, propped on your right elbow, legs stacked.</source>
        <translation>Leg dich auf die rechte Seite, gestützt auf den rechten Ellbogen, die Beine übereinander.</translation>
    </message>
    <message>
        <source>Lift your hips so you balance on your elbow and the outside of your right foot.</source>
        <translation>Heb die Hüften, sodass du auf dem Ellbogen und der Außenkante des rechten Fußes balancierst.</translation>
    </message>
    <message>
        <source>Keep a straight line from head to heels and hold.</source>
        <translation>Halte eine gerade Linie von Kopf bis Ferse und halte.</translation>
    </message>
    <message>
        <source>Lower your hips to release.</source>
        <translation>Senk die Hüften zum Lösen.</translation>
    </message>
    <message>
        <source>Switch to your left side, on your left forearm and left knee as the source puts it.</source>
        <translation>Wechsle auf die linke Seite, auf linken Unterarm und linkes Knie, wie es die Quelle beschreibt.</translation>
    </message>
    <message>
        <source>Keep your hips lifted in line with your head and heels.</source>
        <translation>Halte die Hüften angehoben, auf Linie mit Kopf und Fersen.</translation>
    </message>
    <message>
        <source>Bird dog</source>
        <translation>Vierfüßler-Diagonalstrecken</translation>
    </message>
    <message>
        <source>Start on your hands and knees.</source>
        <translation>Beginn im Vierfüßlerstand.</translation>
    </message>
    <message>
        <source>Lift your right hand and left foot off the floor at the same time.</source>
        <translation>Heb gleichzeitig die rechte Hand und den linken Fuß vom Boden.</translation>
    </message>
    <message>
        <source>Reach the right arm forward, biceps by your ear, and kick the left foot straight back.</source>
        <translation>Streck den rechten Arm nach vorn, Bizeps neben dem Ohr, und den linken Fuß gerade nach hinten.</translation>
    </message>
    <message>
        <source>Hold, then lower both back down.</source>
        <translation>Halte, dann setz beide wieder ab.</translation>
    </message>
    <message>
        <source>Repeat with the left arm and right leg.</source>
        <translation>Wiederhole mit linkem Arm und rechtem Bein.</translation>
    </message>
    <message>
        <source>Brace your core so your back does not arch.</source>
        <translation>Spann den Rumpf an, damit dein Rücken nicht ins Hohlkreuz geht.</translation>
    </message>
    <message>
        <source>Spine round and arch</source>
        <translation>Rundrücken und Hohlkreuz</translation>
    </message>
    <message>
        <source>Start on all fours on the floor.</source>
        <translation>Beginn im Vierfüßlerstand auf dem Boden.</translation>
    </message>
    <message>
        <source>Breathe out and gently round your spine up to the ceiling, head and tailbone dropping.</source>
        <translation>Atme aus und mach den Rücken sanft rund zur Decke, Kopf und Steißbein sinken.</translation>
    </message>
    <message>
        <source>Breathe in and let your belly drop toward the floor, arching your back.</source>
        <translation>Atme ein und lass den Bauch Richtung Boden sinken, der Rücken wird hohl.</translation>
    </message>
    <message>
        <source>Lift your head and tailbone toward the ceiling, then round again.</source>
        <translation>Heb Kopf und Steißbein zur Decke, dann mach den Rücken wieder rund.</translation>
    </message>
    <message>
        <source>Keep it gentle: the aim is to ease tension, not to force the range.</source>
        <translation>Bleib sanft: Es geht ums Lösen von Spannung, nicht ums Erzwingen der Bewegung.</translation>
    </message>
    <message>
        <source>Side-lying leg raise</source>
        <translation>Seitliches Beinheben im Liegen</translation>
    </message>
    <message>
        <source>Lie on your right side with both legs straight.</source>
        <translation>Leg dich auf die rechte Seite, beide Beine gestreckt.</translation>
    </message>
    <message>
        <source>Lift your left leg about 6 inches (15 cm).</source>
        <translation>Heb das linke Bein etwa 15 cm an.</translation>
    </message>
    <message>
        <source>Lower it slowly, stopping before it touches the right foot.</source>
        <translation>Senk es langsam und hör auf, bevor es den rechten Fuß berührt.</translation>
    </message>
    <message>
        <source>Finish the reps, then turn over and work the other leg.</source>
        <translation>Mach alle Wiederholungen, dann dreh dich um und trainier das andere Bein.</translation>
    </message>
    <message>
        <source>Keep the movement small and controlled.</source>
        <translation>Halte die Bewegung klein und kontrolliert.</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>Brücke</translation>
    </message>
    <message>
        <source>Lie face up with both knees bent and feet flat on the floor.</source>
        <translation>Leg dich auf den Rücken, beide Knie gebeugt, die Füße flach auf dem Boden.</translation>
    </message>
    <message>
        <source>Lift your hips about 6 inches (15 cm) off the floor.</source>
        <translation>Heb die Hüften etwa 15 cm vom Boden.</translation>
    </message>
    <message>
        <source>Pause briefly at the top.</source>
        <translation>Halte oben kurz.</translation>
    </message>
    <message>
        <source>Lower your hips slowly back down.</source>
        <translation>Senk die Hüften langsam wieder ab.</translation>
    </message>
    <message>
        <source>Lower slowly rather than dropping.</source>
        <translation>Senk langsam ab, statt dich fallen zu lassen.</translation>
    </message>
    <message>
        <source>Single-leg squat</source>
        <translation>Einbeinige Kniebeuge</translation>
    </message>
    <message>
        <source>Stand on your right leg.</source>
        <translation>Stell dich auf das rechte Bein.</translation>
    </message>
    <message>
        <source>Hinge at the hips and bend the right knee to sink into a small squat.</source>
        <translation>Knick in der Hüfte ein und beug das rechte Knie zu einer kleinen Kniebeuge.</translation>
    </message>
    <message>
        <source>Go down slowly, only about 6 to 10 inches (15 to 25 cm).</source>
        <translation>Geh langsam nach unten, nur etwa 15 bis 25 cm.</translation>
    </message>
    <message>
        <source>Stand back up, finish the reps, then switch legs.</source>
        <translation>Steh wieder auf, mach alle Wiederholungen, dann wechsle das Bein.</translation>
    </message>
    <message>
        <source>Keep it a partial squat and lower slowly.</source>
        <translation>Bleib bei einer halben Kniebeuge und senk dich langsam.</translation>
    </message>
    <message>
        <source>Single-leg balance</source>
        <translation>Einbeinstand</translation>
    </message>
    <message>
        <source>Stand on your right leg with your torso upright.</source>
        <translation>Stell dich auf das rechte Bein, der Oberkörper aufrecht.</translation>
    </message>
    <message>
        <source>Draw your left knee up toward your chest.</source>
        <translation>Zieh das linke Knie zur Brust.</translation>
    </message>
    <message>
        <source>Kick it forward, down and back in a circle, as if pedalling a bike or running.</source>
        <translation>Führ es nach vorn, unten und hinten im Kreis, als würdest du Rad fahren oder laufen.</translation>
    </message>
    <message>
        <source>Finish the reps, then switch to stand on the left leg.</source>
        <translation>Mach alle Wiederholungen, dann wechsle auf das linke Standbein.</translation>
    </message>
    <message>
        <source>Move slowly and with control, keeping your torso upright.</source>
        <translation>Beweg dich langsam und kontrolliert, der Oberkörper bleibt aufrecht.</translation>
    </message>
    <message>
        <source>Foot strength balance test</source>
        <translation>Balancetest für die Fußkraft</translation>
    </message>
    <message>
        <source>Take off your shoes and stand barefoot.</source>
        <translation>Zieh die Schuhe aus und stell dich barfuß hin.</translation>
    </message>
    <message>
        <source>Lift one foot and balance on the other leg.</source>
        <translation>Heb einen Fuß und balanciere auf dem anderen Bein.</translation>
    </message>
    <message>
        <source>Close your eyes and try to stay upright.</source>
        <translation>Schließ die Augen und versuch, aufrecht zu bleiben.</translation>
    </message>
    <message>
        <source>If you wobble, your feet need work: add the pencil toe pick-up.</source>
        <translation>Wenn du wackelst, brauchen deine Füße Training: Nimm das Stiftaufheben mit den Zehen dazu.</translation>
    </message>
    <message>
        <source>Pencil toe pick-up</source>
        <translation>Stiftaufheben mit den Zehen</translation>
    </message>
    <message>
        <source>Stand barefoot with a pencil on the floor in front of you.</source>
        <translation>Stell dich barfuß hin, ein Stift liegt vor dir auf dem Boden.</translation>
    </message>
    <message>
        <source>Grip the pencil with the toes of one foot and lift it.</source>
        <translation>Greif den Stift mit den Zehen eines Fußes und heb ihn hoch.</translation>
    </message>
    <message>
        <source>Put it back down and pick it up again.</source>
        <translation>Leg ihn wieder ab und heb ihn erneut auf.</translation>
    </message>
    <message>
        <source>Finish the reps, then switch feet.</source>
        <translation>Mach alle Wiederholungen, dann wechsle den Fuß.</translation>
    </message>
    <message>
        <source>Lying leg lower for abs</source>
        <translation>Beinsenken im Liegen für den Bauch</translation>
    </message>
    <message>
        <source>Lie face up with your hands under your lower back.</source>
        <translation>Leg dich auf den Rücken, die Hände unter dem unteren Rücken.</translation>
    </message>
    <message>
        <source>Lift your feet and bend your knees to 90 degrees.</source>
        <translation>Heb die Füße und beug die Knie auf 90 Grad.</translation>
    </message>
    <message>
        <source>Tighten your abs and slowly straighten one leg until the foot is close to the floor.</source>
        <translation>Spann den Bauch an und streck langsam ein Bein, bis der Fuß nah am Boden ist.</translation>
    </message>
    <message>
        <source>Hold, then bring the leg back to 90 degrees.</source>
        <translation>Halte, dann bring das Bein zurück auf 90 Grad.</translation>
    </message>
    <message>
        <source>Do all the reps on one leg, then the other.</source>
        <translation>Mach alle Wiederholungen mit einem Bein, dann mit dem anderen.</translation>
    </message>
    <message>
        <source>Keep your abs contracted throughout.</source>
        <translation>Halte die Bauchmuskeln die ganze Zeit angespannt.</translation>
    </message>
    <message>
        <source>Extend the leg slowly.</source>
        <translation>Streck das Bein langsam.</translation>
    </message>
    <message>
        <source>Glute and hamstring lift over a table</source>
        <translation>Gesäß- und Beinbeugerheben über dem Tisch</translation>
    </message>
    <message>
        <source>Put on ankle weights and lean over a table or bed, hips at the edge, belly flat on it.</source>
        <translation>Leg Fußgewichte an und beug dich über einen Tisch oder ein Bett, Hüften an der Kante, der Bauch flach aufgelegt.</translation>
    </message>
    <message>
        <source>Rest one leg with the knee bent to 90 degrees.</source>
        <translation>Lass ein Bein mit 90 Grad gebeugtem Knie ruhen.</translation>
    </message>
    <message>
        <source>Bend the other knee to 90 degrees and lift it, heel toward the ceiling.</source>
        <translation>Beug das andere Knie auf 90 Grad und heb es an, die Ferse zur Decke.</translation>
    </message>
    <message>
        <source>When your thigh is level with your hips, pause, then lower it.</source>
        <translation>Wenn der Oberschenkel auf Hüfthöhe ist, halte kurz, dann senk ihn ab.</translation>
    </message>
    <message>
        <source>Finish the reps, then switch legs.</source>
        <translation>Mach alle Wiederholungen, dann wechsle das Bein.</translation>
    </message>
    <message>
        <source>Lift only until your thigh is level with your hips, then lower with control.</source>
        <translation>Heb nur, bis der Oberschenkel auf Hüfthöhe ist, dann senk kontrolliert ab.</translation>
    </message>
    <message>
        <source>Lying hamstring lift</source>
        <translation>Beinheben im Liegen für die hinteren Oberschenkel</translation>
    </message>
    <message>
        <source>Lie on your back with one knee bent and that foot on the floor.</source>
        <translation>Leg dich auf den Rücken, ein Knie gebeugt, der Fuß auf dem Boden.</translation>
    </message>
    <message>
        <source>Stretch the other leg out straight.</source>
        <translation>Streck das andere Bein gerade aus.</translation>
    </message>
    <message>
        <source>Lift the straight leg from the hip as far as you can, foot toward the ceiling.</source>
        <translation>Heb das gestreckte Bein aus der Hüfte so weit du kannst, der Fuß zur Decke.</translation>
    </message>
    <message>
        <source>Hold, then lower it and repeat.</source>
        <translation>Halte, dann senk es ab und wiederhole.</translation>
    </message>
    <message>
        <source>Keep the lifting leg straight and move from the hip.</source>
        <translation>Halte das gehobene Bein gestreckt und beweg es aus der Hüfte.</translation>
    </message>
    <message>
        <source>Forward fold</source>
        <translation>Vorbeuge im Stehen</translation>
    </message>
    <message>
        <source>Stand with feet shoulder-width apart and a slight bend in your knees.</source>
        <translation>Stell dich schulterbreit hin, die Knie leicht gebeugt.</translation>
    </message>
    <message>
        <source>Let your upper body fold forward, head hanging and spine slightly rounded.</source>
        <translation>Lass den Oberkörper nach vorn sinken, der Kopf hängt, die Wirbelsäule leicht gerundet.</translation>
    </message>
    <message>
        <source>Think of bringing your lower ribs to the tops of your thighs; let your arms hang or hold your elbows.</source>
        <translation>Denk daran, die unteren Rippen zu den Oberschenkeln zu bringen; lass die Arme hängen oder fass die Ellbogen.</translation>
    </message>
    <message>
        <source>Hang there, then slowly roll back up to standing.</source>
        <translation>Häng dort, dann roll langsam wieder hoch in den Stand.</translation>
    </message>
    <message>
        <source>Keep it slow and deliberate; nothing rushed.</source>
        <translation>Bleib langsam und bewusst; nichts überstürzen.</translation>
    </message>
    <message>
        <source>Keep a slight bend in the knees.</source>
        <translation>Lass die Knie leicht gebeugt.</translation>
    </message>
    <message>
        <source>Rise up slowly.</source>
        <translation>Richte dich langsam auf.</translation>
    </message>
    <message>
        <source>The document says to hang there for a few moments, then slowly rise up; it gives no time.</source>
        <translation>Der Artikel sagt, einige Momente so zu hängen und dann langsam aufzurichten; eine Zeit nennt er nicht.</translation>
    </message>
    <message>
        <source>Seated forward fold</source>
        <translation>Vorbeuge im Sitzen</translation>
    </message>
    <message>
        <source>Sit on the floor with your legs stretched long in front of you.</source>
        <translation>Setz dich auf den Boden, die Beine lang vor dir ausgestreckt.</translation>
    </message>
    <message>
        <source>Fold your body forward over your legs.</source>
        <translation>Beug den Oberkörper nach vorn über die Beine.</translation>
    </message>
    <message>
        <source>Feel the stretch along the backs of your thighs.</source>
        <translation>Spür die Dehnung an der Rückseite der Oberschenkel.</translation>
    </message>
    <message>
        <source>Slowly sit back up to come out of it.</source>
        <translation>Richte dich langsam wieder auf, um die Übung zu beenden.</translation>
    </message>
    <message>
        <source>If your lower back is too tight, sit on a block or cushion to raise your hips.</source>
        <translation>Wenn dein unterer Rücken zu verspannt ist, setz dich auf einen Block oder ein Kissen, um die Hüften anzuheben.</translation>
    </message>
    <message>
        <source>Fold slowly and deliberately, as in the standing version.</source>
        <translation>Beug dich langsam und bewusst vor, wie im Stehen.</translation>
    </message>
    <message>
        <source>The document gives no hold time.</source>
        <translation>Der Artikel nennt keine Haltedauer.</translation>
    </message>
    <message>
        <source>Child&apos;s pose</source>
        <translation>Kindhaltung</translation>
    </message>
    <message>
        <source>Start on all fours, knees and palms on the floor.</source>
        <translation>Beginn im Vierfüßlerstand, Knie und Handflächen auf dem Boden.</translation>
    </message>
    <message>
        <source>Spread your knees wide and bring your big toes together.</source>
        <translation>Öffne die Knie weit und bring die großen Zehen zusammen.</translation>
    </message>
    <message>
        <source>Sit your hips back onto your heels and stretch your arms out in front.</source>
        <translation>Setz die Hüften auf die Fersen und streck die Arme nach vorn aus.</translation>
    </message>
    <message>
        <source>Press your knuckle pads into the floor and let your chest sink.</source>
        <translation>Drück die Fingerballen in den Boden und lass die Brust sinken.</translation>
    </message>
    <message>
        <source>Walk your hands back and sit up to come out.</source>
        <translation>Lauf mit den Händen zurück und richte dich auf, um herauszukommen.</translation>
    </message>
    <message>
        <source>Keep your shoulders away from your ears.</source>
        <translation>Halte die Schultern weg von den Ohren.</translation>
    </message>
    <message>
        <source>Line twist</source>
        <translation>Drehung in Rückenlage, ein Bein gestreckt</translation>
    </message>
    <message>
        <source>Lie on your back, hug your right knee to your chest and keep the left leg straight.</source>
        <translation>Leg dich auf den Rücken, zieh das rechte Knie zur Brust und lass das linke Bein gestreckt.</translation>
    </message>
    <message>
        <source>Stretch your right arm out to the side.</source>
        <translation>Streck den rechten Arm zur Seite aus.</translation>
    </message>
    <message>
        <source>Slowly twist to the left, using your left hand to guide the right knee toward the floor.</source>
        <translation>Dreh langsam nach links und führ das rechte Knie mit der linken Hand Richtung Boden.</translation>
    </message>
    <message>
        <source>Look toward your right fingertips and breathe deeply.</source>
        <translation>Schau zu den rechten Fingerspitzen und atme tief.</translation>
    </message>
    <message>
        <source>Slowly untwist and lower the leg to come out.</source>
        <translation>Dreh langsam zurück und senk das Bein, um herauszukommen.</translation>
    </message>
    <message>
        <source>Keep your right shoulder on the floor.</source>
        <translation>Lass die rechte Schulter am Boden.</translation>
    </message>
    <message>
        <source>Only go as far as your body allows.</source>
        <translation>Geh nur so weit, wie dein Körper es zulässt.</translation>
    </message>
    <message>
        <source>Keep breathing; do not hold your breath.</source>
        <translation>Atme weiter; halte die Luft nicht an.</translation>
    </message>
    <message>
        <source>The document gives no hold time and describes only the right knee; doing the left as well is our suggestion.</source>
        <translation>Der Artikel nennt keine Haltedauer und beschreibt nur das rechte Knie; die linke Seite ist unser Vorschlag.</translation>
    </message>
    <message>
        <source>Supine twist</source>
        <translation>Drehung in Rückenlage</translation>
    </message>
    <message>
        <source>Lie on your back and hug both knees to your chest.</source>
        <translation>Leg dich auf den Rücken und zieh beide Knie zur Brust.</translation>
    </message>
    <message>
        <source>Stretch your arms out to the sides, head and shoulders relaxed on the floor.</source>
        <translation>Streck die Arme zur Seite aus, Kopf und Schultern liegen locker auf dem Boden.</translation>
    </message>
    <message>
        <source>Slowly lower both knees over to one side.</source>
        <translation>Senk beide Knie langsam zu einer Seite.</translation>
    </message>
    <message>
        <source>Breathe and rest there, then bring the knees back up and twist to the other side.</source>
        <translation>Atme und ruh dich dort aus, dann hol die Knie zurück und dreh zur anderen Seite.</translation>
    </message>
    <message>
        <source>Lower the knees slowly; do not let them drop.</source>
        <translation>Senk die Knie langsam; lass sie nicht fallen.</translation>
    </message>
    <message>
        <source>Keep your head and shoulders on the floor.</source>
        <translation>Lass Kopf und Schultern auf dem Boden.</translation>
    </message>
    <message>
        <source>Keep breathing.</source>
        <translation>Atme weiter.</translation>
    </message>
    <message>
        <source>The document says to breathe and sit with it a moment; it gives no time.</source>
        <translation>Der Artikel sagt, durchzuatmen und einen Moment so zu bleiben; eine Zeit nennt er nicht.</translation>
    </message>
    <message>
        <source>Pigeon pose on your back</source>
        <translation>Taube in Rückenlage</translation>
    </message>
    <message>
        <source>Lie on your back with both legs straight.</source>
        <translation>Leg dich auf den Rücken, beide Beine gestreckt.</translation>
    </message>
    <message>
        <source>Bend your right knee, hold your shin and pull the leg in toward your chest.</source>
        <translation>Beug das rechte Knie, halte das Schienbein und zieh das Bein zur Brust.</translation>
    </message>
    <message>
        <source>Keep your left leg straight and flat on the floor.</source>
        <translation>Lass das linke Bein gestreckt und flach auf dem Boden.</translation>
    </message>
    <message>
        <source>Easier: bend your left knee and rest your right ankle across it, like a figure four.</source>
        <translation>Leichter: Beug das linke Knie und leg den rechten Knöchel darüber, wie eine Vier.</translation>
    </message>
    <message>
        <source>To go deeper, reach through, hold the back of your left thigh and draw it toward you.</source>
        <translation>Für mehr Dehnung greif hindurch, halte die Rückseite des linken Oberschenkels und zieh ihn zu dir.</translation>
    </message>
    <message>
        <source>Hold, then release slowly.</source>
        <translation>Halte, dann lös langsam.</translation>
    </message>
    <message>
        <source>Hold only as long as you comfortably can.</source>
        <translation>Halte nur so lange, wie es angenehm ist.</translation>
    </message>
    <message>
        <source>The document says to hold it for as long as you can, and longer if you feel something releasing; it gives no time and describes only the right leg.</source>
        <translation>Der Artikel sagt, so lange zu halten, wie du kannst, und länger, wenn sich etwas löst; eine Zeit nennt er nicht und er beschreibt nur das rechte Bein.</translation>
    </message>
    <message>
        <source>Cat/cow</source>
        <translation>Katze/Kuh</translation>
    </message>
    <message>
        <source>Start on hands and knees, hands under shoulders and knees under hips.</source>
        <translation>Beginn im Vierfüßlerstand, die Hände unter den Schultern, die Knie unter den Hüften.</translation>
    </message>
    <message>
        <source>Breathe in and arch your back from tailbone to neck.</source>
        <translation>Atme ein und mach den Rücken vom Steißbein bis zum Nacken hohl.</translation>
    </message>
    <message>
        <source>Breathe out, drop your head and round your back, pulling your navel up.</source>
        <translation>Atme aus, lass den Kopf sinken und mach den Rücken rund, den Nabel nach oben gezogen.</translation>
    </message>
    <message>
        <source>Keep moving slowly between the two positions.</source>
        <translation>Wechsle langsam weiter zwischen beiden Positionen.</translation>
    </message>
    <message>
        <source>Move only your spine; do not rock your whole body forward and back.</source>
        <translation>Beweg nur die Wirbelsäule; schaukle nicht mit dem ganzen Körper vor und zurück.</translation>
    </message>
    <message>
        <source>Keep shoulders over wrists and hips over knees.</source>
        <translation>Halte die Schultern über den Handgelenken und die Hüften über den Knien.</translation>
    </message>
    <message>
        <source>The document says to repeat, moving slowly between the two positions; it gives no count.</source>
        <translation>Der Artikel sagt, die Übung zu wiederholen und langsam zwischen beiden Positionen zu wechseln; eine Anzahl nennt er nicht.</translation>
    </message>
    <message>
        <source>Sit-break</source>
        <translation>Sitzpause</translation>
    </message>
    <message>
        <source>Stand up, walk a few minutes and circle your shoulders, then one or two stretches you can do in office clothes (&quot;Set an alarm clock to beep every half hour, then stop what you are doing and take a few minutes to gently walk around and stretch your back. Do some shoulder circles&quot;, 000_a42a6e5b3fd2f0a1.txt).</source>
        <translation>Aufstehen, ein paar Minuten gehen und die Schultern kreisen, dann ein, zwei Dehnungen, die im Büro-Outfit gehen (&quot;Set an alarm clock to beep every half hour, then stop what you are doing and take a few minutes to gently walk around and stretch your back. Do some shoulder circles&quot;, 000_a42a6e5b3fd2f0a1.txt).</translation>
    </message>
    <message>
        <source>Pre-run glute activation</source>
        <translation>Gesäßaktivierung vor dem Lauf</translation>
    </message>
    <message>
        <source>Wake up the glutes after a day of sitting, then open the hips (&quot;getting into the habit of waking up the gluteal muscles before you go out for a run is also recommended&quot;, 000_a42a6e5b3fd2f0a1.txt; the split hip stretch is the &quot;&apos;on-the-go&apos; stretch, pre- and post-run&quot;).</source>
        <translation>Nach einem Tag im Sitzen das Gesäß aufwecken, dann die Hüften öffnen (&quot;getting into the habit of waking up the gluteal muscles before you go out for a run is also recommended&quot;, 000_a42a6e5b3fd2f0a1.txt; die Hüftdehnung mit Ausfallschritt ist die &quot;&apos;on-the-go&apos; stretch, pre- and post-run&quot;).</translation>
    </message>
    <message>
        <source>Post-run / evening back care</source>
        <translation>Rückenpflege nach dem Lauf / am Abend</translation>
    </message>
    <message>
        <source>Floor stretches for the lower back, hips and hamstrings, after a run or in the evening (&quot;stretching at night to relieve any sitting-induced tightness&quot;, 000_a42a6e5b3fd2f0a1.txt).</source>
        <translation>Dehnungen am Boden für unteren Rücken, Hüften und hintere Oberschenkel, nach dem Lauf oder am Abend (&quot;stretching at night to relieve any sitting-induced tightness&quot;, 000_a42a6e5b3fd2f0a1.txt).</translation>
    </message>
    <message>
        <source>Core and hips for runners (mat)</source>
        <translation>Rumpf und Hüften für Läufer (Matte)</translation>
    </message>
    <message>
        <source>Audrey Millar&apos;s exercises for the core and lower-body muscles that support the lower back when running (000_a42a6e5b3fd2f0a1.txt).</source>
        <translation>Audrey Millars Übungen für den Rumpf und die Beinmuskeln, die beim Laufen den unteren Rücken stützen (000_a42a6e5b3fd2f0a1.txt).</translation>
    </message>
    <message>
        <source>Strength circuit (stability ball and mat)</source>
        <translation>Kraftzirkel (Gymnastikball und Matte)</translation>
    </message>
    <message>
        <source>Hollis Tuttle&apos;s circuit: &quot;Perform each exercise for the specified number of reps or seconds, resting for 30 seconds between exercises&quot; (000_a42a6e5b3fd2f0a1.txt). The article asks for 3 to 5 rounds; this is one.</source>
        <translation>Hollis Tuttles Zirkel: &quot;Perform each exercise for the specified number of reps or seconds, resting for 30 seconds between exercises&quot; (000_a42a6e5b3fd2f0a1.txt). Der Artikel verlangt 3 bis 5 Runden; das hier ist eine.</translation>
    </message>
    <message>
        <source>Mild discomfort is normal at first, while your muscles get used to stretching.</source>
        <translation>Leichtes Ziehen ist anfangs normal, während sich deine Muskeln ans Dehnen gewöhnen.</translation>
    </message>
    <message>
        <source>Stop if pain lasts more than a few minutes: the exercise is aggravating your back, not helping it.</source>
        <translation>Hör auf, wenn Schmerzen länger als ein paar Minuten anhalten: Die Übung verschlimmert deine Rückenprobleme, statt zu helfen.</translation>
    </message>
    <message>
        <source>If your lower-back pain radiates to your hips or knees, or spreads elsewhere, see a doctor.</source>
        <translation>Wenn Schmerzen im unteren Rücken in Hüfte oder Knie ausstrahlen oder sich anderswohin ausbreiten, geh zum Arzt.</translation>
    </message>
    <message>
        <source>If you feel dizzy, sick, have chest pain or anything else unusual, stop at once and see a doctor.</source>
        <translation>Wenn dir schwindelig oder übel wird, du Schmerzen in der Brust hast oder sonst etwas Ungewöhnliches spürst, hör sofort auf und geh zum Arzt.</translation>
    </message>
    <message>
        <source>This is general guidance, not a diagnosis or a replacement for your healthcare professional. If an exercise hurts or is hard to do, stop and ask them.</source>
        <translation>Das ist ein allgemeiner Rat, keine Diagnose und kein Ersatz für deine Ärztin oder deinen Arzt. Wenn eine Übung wehtut oder schwerfällt, hör auf und frag dort nach.</translation>
    </message>
    <message>
        <source>Check with your doctor before starting any new exercise routine, to make sure it is safe for you.</source>
        <translation>Sprich mit deiner Ärztin oder deinem Arzt, bevor du mit einem neuen Trainingsprogramm beginnst, damit es für dich sicher ist.</translation>
    </message>
    <message>
        <source>at the desk</source>
        <translation>am Schreibtisch</translation>
    </message>
    <message>
        <source>standing</source>
        <translation>im Stehen</translation>
    </message>
    <message>
        <source>on the floor</source>
        <translation>auf dem Boden</translation>
    </message>
    <message>
        <source>needs equipment</source>
        <translation>mit Hilfsmittel</translation>
    </message>
    <message>
        <source>lower back</source>
        <translation>unterer Rücken</translation>
    </message>
    <message>
        <source>upper back</source>
        <translation>oberer Rücken</translation>
    </message>
    <message>
        <source>hip flexors</source>
        <translation>Hüftbeuger</translation>
    </message>
    <message>
        <source>hamstrings</source>
        <translation>hintere Oberschenkel</translation>
    </message>
    <message>
        <source>glutes</source>
        <translation>Gesäß</translation>
    </message>
    <message>
        <source>core</source>
        <translation>Rumpf</translation>
    </message>
    <message>
        <source>shoulders</source>
        <translation>Schultern</translation>
    </message>
    <message>
        <source>legs</source>
        <translation>Beine</translation>
    </message>
    <message>
        <source>feet</source>
        <translation>Füße</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>Stuhl</translation>
    </message>
    <message>
        <source>table</source>
        <translation>Tisch</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>bench</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>wall</source>
        <translation>Wand</translation>
    </message>
    <message>
        <source>mat</source>
        <translation>Matte</translation>
    </message>
    <message>
        <source>stability ball</source>
        <translation>Gymnastikball</translation>
    </message>
    <message>
        <source>ankle weights</source>
        <translation>Fußgewichte</translation>
    </message>
    <message>
        <source>pencil</source>
        <translation>Stift</translation>
    </message>
    <message>
        <source>block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>pull-up bar</source>
        <translation>Klimmzugstange</translation>
    </message>
    <message>
        <source>hold {seconds} s</source>
        <translation>{seconds} s halten</translation>
    </message>
    <message>
        <source>{reps} reps</source>
        <translation>{reps} Wdh.</translation>
    </message>
    <message>
        <source>{sets} sets</source>
        <translation>{sets} Sätze</translation>
    </message>
    <message>
        <source>rest {seconds} s</source>
        <translation>{seconds} s Pause</translation>
    </message>
    <message>
        <source>alternating sides</source>
        <translation>Seiten abwechselnd</translation>
    </message>
    <message>
        <source>each side</source>
        <translation>je Seite</translation>
    </message>
    <message>
        <source>no figures given</source>
        <translation>keine Angaben</translation>
    </message>
    <message>
        <source>{seconds} s per rep</source>
        <translation>{seconds} s je Wiederholung</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>dddd d MMMM</source>
        <comment>date format: weekday, day, month</comment>
        <translation>dddd, d. MMMM</translation>
    </message>
    <message>
        <source>This week&apos;s breaks</source>
        <translation>Pausen dieser Woche</translation>
    </message>
    <message>
        <source>no breaks</source>
        <translation>keine Pausen</translation>
    </message>
    <message>
        <source>{n} completed</source>
        <translation>{n} erledigt</translation>
    </message>
    <message>
        <source>{n} partly done</source>
        <translation>{n} teilweise erledigt</translation>
    </message>
    <message>
        <source>{n} skipped</source>
        <translation>{n} übersprungen</translation>
    </message>
    <message>
        <source>{n} away from the desk</source>
        <translation>{n} weg vom Schreibtisch</translation>
    </message>
    <message>
        <source>{n} postponed</source>
        <translation>{n} verschoben</translation>
    </message>
    <message>
        <source>{n} missed</source>
        <translation>{n} verpasst</translation>
    </message>
    <message>
        <source>{n} stopped because it hurt</source>
        <translation>{n} wegen Schmerzen abgebrochen</translation>
    </message>
    <message>
        <source> ({extras})</source>
        <translation> ({extras})</translation>
    </message>
    <message>
        <source>{day} {summary}</source>
        <translation>{day}: {summary}</translation>
    </message>
    <message>
        <source>This week: no breaks yet.</source>
        <translation>Diese Woche: noch keine Pausen.</translation>
    </message>
    <message>
        <source>This week: {days}.</source>
        <translation>Diese Woche: {days}.</translation>
    </message>
    <message>
        <source>{outcome} {n}</source>
        <translation>{outcome} {n}</translation>
    </message>
    <message>
        <source>{n} postponed (not stacked)</source>
        <translation>{n} verschoben (nicht im Balken)</translation>
    </message>
    <message>
        <source>{day}: {summary}</source>
        <translation>{day}: {summary}</translation>
    </message>
    <message>
        <source>No breaks this week yet</source>
        <translation>Diese Woche noch keine Pausen</translation>
    </message>
    <message>
        <source>Daily goal</source>
        <translation>Tagesziel</translation>
    </message>
    <message>
        <source>{day}: no sit-breaks prompted</source>
        <translation>{day}: keine Sitzpausen angeboten</translation>
    </message>
    <message>
        <source>{taken_of} sit-breaks taken</source>
        <translation>{taken_of} Sitzpausen gemacht</translation>
    </message>
    <message>
        <source>goal met</source>
        <translation>Ziel erreicht</translation>
    </message>
    <message>
        <source>goal not met</source>
        <translation>Ziel nicht erreicht</translation>
    </message>
    <message>
        <source>{day}: {taken}, {verdict}</source>
        <translation>{day}: {taken}, {verdict}</translation>
    </message>
    <message>
        <source>Daily goal of {goal} % over the last {weeks} weeks. Days met: {met}; not met: {not_met}; without prompted sit-breaks: {neutral}.</source>
        <translation>Tagesziel von {goal} % in den letzten {weeks} Wochen. Tage mit Ziel erreicht: {met}; nicht erreicht: {not_met}; ohne angebotene Sitzpausen: {neutral}.</translation>
    </message>
    <message>
        <source>week of {monday}: met {met}, not met {not_met}</source>
        <translation>Woche ab {monday}: erreicht {met}, nicht erreicht {not_met}</translation>
    </message>
    <message>
        <source>d MMMM</source>
        <comment>date format: day, month</comment>
        <translation>d. MMMM</translation>
    </message>
    <message>
        <source>Goal met</source>
        <translation>Ziel erreicht</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>Nicht erreicht</translation>
    </message>
    <message>
        <source>No sit-breaks</source>
        <translation>Keine Sitzpausen</translation>
    </message>
    <message>
        <source>Minutes per muscle group</source>
        <translation>Minuten pro Muskelgruppe</translation>
    </message>
    <message>
        <source>{target} {minutes}</source>
        <translation>{target} {minutes}</translation>
    </message>
    <message>
        <source>Minutes per muscle group: {parts}.</source>
        <translation>Minuten pro Muskelgruppe: {parts}.</translation>
    </message>
    <message>
        <source>Minutes per muscle group: none yet.</source>
        <translation>Minuten pro Muskelgruppe: noch keine.</translation>
    </message>
    <message>
        <source>No muscle groups to show</source>
        <translation>Keine Muskelgruppen zum Anzeigen</translation>
    </message>
    <message>
        <source>{target}: {minutes}</source>
        <translation>{target}: {minutes}</translation>
    </message>
    <message numerus="yes">
        <source>Best: %n days</source>
        <translation>
            <numerusform>Rekord: %n Tag</numerusform>
            <numerusform>Rekord: %n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n-day streak</source>
        <translation>
            <numerusform>%n Tag in Folge</numerusform>
            <numerusform>%n Tage in Folge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sit-breaks taken</source>
        <translation>
            <numerusform>%n Sitzpause gemacht</numerusform>
            <numerusform>%n Sitzpausen gemacht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every muscle group worked in the last %n days. Nicely balanced.</source>
        <translation>
            <numerusform>Jede Muskelgruppe innerhalb von %n Tag trainiert. Schön ausgewogen.</numerusform>
            <numerusform>Jede Muskelgruppe in den letzten %n Tagen trainiert. Schön ausgewogen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not worked for %n days or more:</source>
        <translation>
            <numerusform>Seit %n Tag oder länger nicht trainiert:</numerusform>
            <numerusform>Seit %n Tagen oder länger nicht trainiert:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n breaks</source>
        <translation>
            <numerusform>%n Pause</numerusform>
            <numerusform>%n Pausen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>&apos;{text}&apos; is not a date; write it like {example}, or today or yesterday</source>
        <translation>„{text}“ ist kein Datum; schreib es wie {example} oder als today oder yesterday</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: dates before 1970 are not in any history</source>
        <translation>„{text}“: Daten vor 1970 stehen in keinem Verlauf</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is in the future; the history ends today</source>
        <translation>„{text}“ liegt in der Zukunft; der Verlauf endet heute</translation>
    </message>
    <message>
        <source>JSON output</source>
        <translation>Ausgabe als JSON</translation>
    </message>
    <message>
        <source>CSV output</source>
        <translation>Ausgabe als CSV</translation>
    </message>
    <message>
        <source>add the breaks of a CSV file another deskbreak exported (none twice; nothing if a row is bad)</source>
        <translation>die Pausen einer CSV-Datei hinzufügen, die ein anderes deskbreak exportiert hat (keine doppelt; gar nichts, wenn eine Zeile fehlerhaft ist)</translation>
    </message>
    <message>
        <source>with --import: import the good rows, list the bad ones</source>
        <translation>mit --import: die fehlerfreien Zeilen importieren, die fehlerhaften auflisten</translation>
    </message>
    <message>
        <source>only breaks from DATE on (2026-11-20, today, yesterday)</source>
        <translation>nur Pausen ab DATE (2026-11-20, today, yesterday)</translation>
    </message>
    <message>
        <source>your breaks in figures: days, streak, muscle groups</source>
        <translation>deine Pausen in Zahlen: Tage, Serie, Muskelgruppen</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>maschinenlesbare Ausgabe</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; should be KEY=VALUE, e.g. prelude=5s</source>
        <translation>„{text}“ sollte SCHLÜSSEL=WERT sein, z. B. prelude=5s</translation>
    </message>
    <message>
        <source>unknown setting &apos;{key}&apos;; `deskbreak config list` shows them all</source>
        <translation>unbekannte Einstellung „{key}“; `deskbreak config list` zeigt alle</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number of days from 1 to 366</source>
        <translation>„{text}“ ist keine Zahl von Tagen zwischen 1 und 366</translation>
    </message>
    <message>
        <source>Guided sit-breaks and pre-run glute activation, from the system tray.</source>
        <translation>Angeleitete Sitzpausen und Gesäßaktivierung vor dem Lauf, aus dem Systembereich.</translation>
    </message>
    <message>
        <source>where settings.toml lives (default: $DESKBREAK_CONFIG_DIR or the user config dir)</source>
        <translation>wo settings.toml liegt (Standard: $DESKBREAK_CONFIG_DIR oder der Konfigurationsordner des Benutzers)</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number of frames from 1 to 200</source>
        <translation>„{text}“ ist keine Anzahl Bilder von 1 bis 200</translation>
    </message>
    <message>
        <source>where the history database lives (default: $DESKBREAK_DATA_DIR or the user data dir)</source>
        <translation>wo die Verlaufsdatenbank liegt (Standard: $DESKBREAK_DATA_DIR oder der Datenordner des Benutzers)</translation>
    </message>
    <message>
        <source>time between sit-breaks for this run only, e.g. 20s, 45m (not saved)</source>
        <translation>Zeit zwischen Sitzpausen nur für diesen Start, z. B. 20s, 45m (nicht gespeichert)</translation>
    </message>
    <message>
        <source>notice before each break for this run only, e.g. 5s (not saved)</source>
        <translation>Vorwarnung vor jeder Pause nur für diesen Start, z. B. 5s (nicht gespeichert)</translation>
    </message>
    <message>
        <source>override any setting for this run only (repeatable)</source>
        <translation>eine beliebige Einstellung nur für diesen Start überschreiben (mehrfach möglich)</translation>
    </message>
    <message>
        <source>start the tray app (the default)</source>
        <translation>die App im Systembereich starten (Standard)</translation>
    </message>
    <message>
        <source>show every exercise and routine with its source</source>
        <translation>alle Übungen und Routinen mit ihrer Quelle zeigen</translation>
    </message>
    <message>
        <source>write one PNG per exercise into DIR</source>
        <translation>je Übung ein PNG in DIR schreiben</translation>
    </message>
    <message>
        <source>with --render: N frames from start to hold per exercise and side, and a contact sheet each</source>
        <translation>mit --render: N Bilder vom Start bis zum Halten je Übung und Seite, dazu je ein Kontaktbogen</translation>
    </message>
    <message>
        <source>every exercise&apos;s joints in metres at moments from start to hold, and its props</source>
        <translation>die Gelenke jeder Übung in Metern zu Zeitpunkten vom Start bis zum Halten, dazu ihre Hilfsmittel</translation>
    </message>
    <message>
        <source>the routines, and what a routine plays, second by second</source>
        <translation>die Routinen und was eine Routine abspielt, Sekunde für Sekunde</translation>
    </message>
    <message>
        <source>every routine with its length</source>
        <translation>alle Routinen mit ihrer Dauer</translation>
    </message>
    <message>
        <source>a routine&apos;s segments as the guide plays them</source>
        <translation>die Abschnitte einer Routine, wie die Anleitung sie abspielt</translation>
    </message>
    <message>
        <source>for a rotating sit-break: the N-th break of the day (default 1)</source>
        <translation>bei wechselnden Sitzpausen: die N-te Pause des Tages (Standard 1)</translation>
    </message>
    <message>
        <source>your runs of the next days (weekly and from the calendar)</source>
        <translation>deine Läufe der nächsten Tage (wöchentlich und aus dem Kalender)</translation>
    </message>
    <message>
        <source>how many days ahead (default 7)</source>
        <translation>wie viele Tage voraus (Standard 7)</translation>
    </message>
    <message>
        <source>show the breaks you took</source>
        <translation>die Pausen zeigen, die du gemacht hast</translation>
    </message>
    <message>
        <source>this week, Monday to today (the default)</source>
        <translation>diese Woche, Montag bis heute (Standard)</translation>
    </message>
    <message>
        <source>this calendar month to today</source>
        <translation>dieser Kalendermonat bis heute</translation>
    </message>
    <message>
        <source>from DATE to today (2026-11-20, today, yesterday)</source>
        <translation>von DATE bis heute (2026-11-20, today, yesterday)</translation>
    </message>
    <message>
        <source>open the settings dialog (starts deskbreak if needed)</source>
        <translation>die Einstellungen öffnen (startet deskbreak bei Bedarf)</translation>
    </message>
    <message>
        <source>read or change settings from the command line</source>
        <translation>Einstellungen auf der Kommandozeile lesen oder ändern</translation>
    </message>
    <message>
        <source>every setting and its value</source>
        <translation>alle Einstellungen und ihre Werte</translation>
    </message>
    <message>
        <source>one setting&apos;s value</source>
        <translation>der Wert einer Einstellung</translation>
    </message>
    <message>
        <source>change a setting (live when deskbreak runs)</source>
        <translation>eine Einstellung ändern (sofort wirksam, wenn deskbreak läuft)</translation>
    </message>
    <message>
        <source>as in settings.toml, e.g. 45m, true, &quot;mon, tue&quot;, &quot;tue 18:00&quot;</source>
        <translation>wie in settings.toml, z. B. 45m, true, &quot;mon, tue&quot;, &quot;tue 18:00&quot;</translation>
    </message>
    <message>
        <source>put a setting back to its default</source>
        <translation>eine Einstellung auf ihren Standardwert zurücksetzen</translation>
    </message>
    <message>
        <source>put deskbreak in the application menu, with its icons, or take it out</source>
        <translation>deskbreak mit seinen Symbolen ins Anwendungsmenü aufnehmen oder daraus entfernen</translation>
    </message>
    <message>
        <source>add the menu entry, icons and metainfo, starting the deskbreak you run this with</source>
        <translation>Menüeintrag, Symbole und Metainfo hinzufügen; der Eintrag startet das deskbreak, mit dem du dies ausführst</translation>
    </message>
    <message>
        <source>remove exactly what install added</source>
        <translation>genau das entfernen, was install hinzugefügt hat</translation>
    </message>
    <message>
        <source>what the running deskbreak is doing</source>
        <translation>was das laufende deskbreak gerade macht</translation>
    </message>
    <message>
        <source>start a break now</source>
        <translation>jetzt eine Pause starten</translation>
    </message>
    <message>
        <source>no prompts for a while</source>
        <translation>eine Weile keine Pausen anbieten</translation>
    </message>
    <message>
        <source>e.g. 30m, 1h, or &apos;tomorrow&apos; (default 30m)</source>
        <translation>z. B. 30m, 1h oder &apos;tomorrow&apos; (Standard 30m)</translation>
    </message>
    <message>
        <source>end a pause</source>
        <translation>eine Unterbrechung beenden</translation>
    </message>
    <message>
        <source>skip the current or announced break</source>
        <translation>die laufende oder angekündigte Pause überspringen</translation>
    </message>
    <message>
        <source>let the next break pass without a prompt</source>
        <translation>die nächste Pause ohne Hinweis verstreichen lassen</translation>
    </message>
    <message>
        <source>drop today&apos;s pre-run reminder</source>
        <translation>die heutige Erinnerung vor dem Lauf streichen</translation>
    </message>
    <message>
        <source>postpone the current break</source>
        <translation>die laufende Pause verschieben</translation>
    </message>
    <message>
        <source>stop deskbreak</source>
        <translation>deskbreak beenden</translation>
    </message>
    <message>
        <source>deskbreak is not running (for this profile).</source>
        <translation>deskbreak läuft nicht (für dieses Profil).</translation>
    </message>
    <message>
        <source>the command failed</source>
        <translation>der Befehl ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>deskbreak is quitting.</source>
        <translation>deskbreak wird beendet.</translation>
    </message>
    <message>
        <source>{key} takes one value, not {count}: {values}; quote a value with spaces</source>
        <translation>{key} nimmt einen Wert, nicht {count}: {values}; setze einen Wert mit Leerzeichen in Anführungszeichen</translation>
    </message>
    <message>
        <source>give the value to set {key} to, e.g. `deskbreak config set {key} {example}`</source>
        <translation>gib den Wert an, auf den {key} gesetzt werden soll, z. B. `deskbreak config set {key} {example}`</translation>
    </message>
    <message>
        <source>deskbreak: the deskbreak running on {data_dir} reads {running}, not {path}; use the same --config-dir, or quit it first</source>
        <translation>deskbreak: Das deskbreak, das auf {data_dir} läuft, liest {running}, nicht {path}; nimm dasselbe --config-dir oder beende es zuerst</translation>
    </message>
    <message>
        <source>the change was refused</source>
        <translation>die Änderung wurde abgelehnt</translation>
    </message>
    <message>
        <source>{key} = {value} (applied to the running deskbreak, saved)</source>
        <translation>{key} = {value} (im laufenden deskbreak übernommen, gespeichert)</translation>
    </message>
    <message>
        <source>{key} = {value} (saved to {path})</source>
        <translation>{key} = {value} (gespeichert in {path})</translation>
    </message>
    <message>
        <source>start at login: written {location}</source>
        <translation>Start bei der Anmeldung: {location} geschrieben</translation>
    </message>
    <message>
        <source>start at login: removed {location}</source>
        <translation>Start bei der Anmeldung: {location} entfernt</translation>
    </message>
    <message numerus="yes">
        <source>No runs in the next %n days.</source>
        <translation>
            <numerusform>Kein Lauf innerhalb von %n Tag.</numerusform>
            <numerusform>Keine Läufe in den nächsten %n Tagen.</numerusform>
        </translation>
    </message>
    <message>
        <source> (skipped: no run today)</source>
        <translation> (übersprungen: heute kein Lauf)</translation>
    </message>
    <message>
        <source>{weekday} %d %b %H:%M</source>
        <comment>a run&apos;s start: strftime codes after the weekday</comment>
        <translation>{weekday} %d.%m. %H:%M</translation>
    </message>
    <message>
        <source>{shortest} to {longest}</source>
        <translation>{shortest} bis {longest}</translation>
    </message>
    <message>
        <source>deskbreak: no routine &apos;{routine}&apos;; `deskbreak routine list` shows them</source>
        <translation>deskbreak: keine Routine „{routine}“; `deskbreak routine list` zeigt sie</translation>
    </message>
    <message>
        <source>deskbreak: --break counts from 1</source>
        <translation>deskbreak: --break zählt ab 1</translation>
    </message>
    <message>
        <source>hold length {length}</source>
        <translation>Haltedauer {length}</translation>
    </message>
    <message>
        <source>sore-back mode</source>
        <translation>Modus für schmerzenden Rücken</translation>
    </message>
    <message>
        <source>, break {number} of the rotation</source>
        <translation>, Pause {number} im Wechsel</translation>
    </message>
    <message>
        <source>rep {rep}</source>
        <translation>Wdh. {rep}</translation>
    </message>
    <message>
        <source>deskbreak: --frames goes with --render DIR</source>
        <translation>deskbreak: --frames gehört zu --render ORDNER</translation>
    </message>
    <message>
        <source>deskbreak: cannot write pictures to {folder}: {problem}</source>
        <translation>deskbreak: kann keine Bilder in {folder} schreiben: {problem}</translation>
    </message>
    <message>
        <source>EXERCISES ({count})</source>
        <translation>ÜBUNGEN ({count})</translation>
    </message>
    <message>
        <source>works: {targets}; {where}</source>
        <translation>trainiert: {targets}; {where}</translation>
    </message>
    <message>
        <source>figures: {figures}</source>
        <translation>Angaben: {figures}</translation>
    </message>
    <message>
        <source>our pacing: {pacing} ({note})</source>
        <translation>unser Tempo: {pacing} ({note})</translation>
    </message>
    <message>
        <source>source: Your exercise (drawn as {figure})</source>
        <translation>Quelle: Deine Übung (gezeichnet wie {figure})</translation>
    </message>
    <message>
        <source>source: {citation}: &quot;{quote}&quot;</source>
        <translation>Quelle: {citation}: „{quote}“</translation>
    </message>
    <message>
        <source>ROUTINES ({count})</source>
        <translation>ROUTINEN ({count})</translation>
    </message>
    <message>
        <source>then, break {number} of {count}: {group}</source>
        <translation>dann, Pause {number} von {count}: {group}</translation>
    </message>
    <message>
        <source>SAFETY</source>
        <translation>SICHERHEIT</translation>
    </message>
    <message>
        <source>No breaks recorded yet.</source>
        <translation>Noch keine Pausen aufgezeichnet.</translation>
    </message>
    <message>
        <source>{when}  {kind:&lt;8} {outcome:&lt;10} {done} of {planned} exercises, {seconds:.0f} s  {routine}</source>
        <translation>{when}  {kind:&lt;8} {outcome:&lt;10} {done} von {planned} Übungen, {seconds:.0f} s  {routine}</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>deskbreak: {problem}; showing the articles&apos; holds</source>
        <translation>deskbreak: {problem}; es gelten die Haltezeiten der Artikel</translation>
    </message>
    <message>
        <source>deskbreak: the import was interrupted; the breaks it wrote are kept, and importing {path} again adds the rest</source>
        <translation>deskbreak: Der Import wurde unterbrochen; die schon geschriebenen Pausen bleiben, und ein erneuter Import von {path} fügt den Rest hinzu</translation>
    </message>
    <message>
        <source>deskbreak: nothing was imported; --skip-bad-rows imports the good rows and lists the bad ones</source>
        <translation>deskbreak: Nichts wurde importiert; --skip-bad-rows importiert die fehlerfreien Zeilen und listet die fehlerhaften auf</translation>
    </message>
    <message>
        <source>deskbreak: skipped: {problem}</source>
        <translation>deskbreak: übersprungen: {problem}</translation>
    </message>
    <message>
        <source>Imported {added} breaks from {path}; {duplicates} were already in the history, {bad} bad rows skipped.</source>
        <translation>{added} Pausen aus {path} importiert; {duplicates} waren schon im Verlauf, {bad} fehlerhafte Zeilen übersprungen.</translation>
    </message>
    <message>
        <source>Prompted</source>
        <translation>Angeboten</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>Teilweise</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Hurt</source>
        <translation>Schmerzen</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Verpasst</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Weg</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>Woche ab</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Sit-breaks taken</source>
        <translation>Sitzpausen gemacht</translation>
    </message>
    <message>
        <source>Breaks from {first} to {last}</source>
        <translation>Pausen von {first} bis {last}</translation>
    </message>
    <message>
        <source>Streak: {current} (best {best}), goal {goal} % of sit-breaks taken</source>
        <translation>Serie: {current} (Rekord {best}), Ziel {goal} % der Sitzpausen gemacht</translation>
    </message>
    <message>
        <source>Minutes per muscle group: {groups}</source>
        <translation>Minuten pro Muskelgruppe: {groups}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>Not stretched lately: {groups}</source>
        <translation>Länger nicht gedehnt: {groups}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Exercises done: {exercises}</source>
        <translation>Erledigte Übungen: {exercises}</translation>
    </message>
    <message>
        <source>{exercise} {count}×</source>
        <translation>{exercise} {count}×</translation>
    </message>
    <message>
        <source>{group} {figure}</source>
        <translation>{group} {figure}</translation>
    </message>
    <message>
        <source>met</source>
        <translation>erreicht</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>nicht erreicht</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>{path} is in the way: deskbreak did not write it, or it was changed since; deskbreak replaces no file of yours</source>
        <extracomment>What install wrote, under the data home: deskbreak&apos;s own folder there (also its default data folder). The largest file install writes is the 256 px icon, a few kB; anything this big in the way is not ours. Files uninstall left because they no longer hold what deskbreak wrote. The uuids of the GNOME Shell extensions installed, which the user enables.</extracomment>
        <translation>{path} ist im Weg: deskbreak hat die Datei nicht geschrieben, oder sie wurde seitdem geändert; deskbreak ersetzt keine Datei von dir</translation>
    </message>
    <message>
        <source>move it away, then run `deskbreak desktop install` again</source>
        <translation>verschieb sie und führe dann `deskbreak desktop install` noch einmal aus</translation>
    </message>
    <message>
        <source>could not write {path}: {problem}</source>
        <translation>konnte {path} nicht schreiben: {problem}</translation>
    </message>
    <message>
        <source>could not remove {path}: {problem}</source>
        <translation>konnte {path} nicht entfernen: {problem}</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>keine solche Datei</translation>
    </message>
    <message>
        <source>deskbreak&apos;s own {path} cannot be read ({problem}); reinstall deskbreak</source>
        <translation>deskbreaks eigene Datei {path} ist nicht lesbar ({problem}); installiere deskbreak neu</translation>
    </message>
    <message>
        <source>could not read {path}: {problem}</source>
        <translation>konnte {path} nicht lesen: {problem}</translation>
    </message>
    <message>
        <source>it does not hold the lists of files and folders</source>
        <translation>sie enthält nicht die Listen der Dateien und Ordner</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a path inside {home}</source>
        <translation>&apos;{name}&apos; ist kein Pfad innerhalb von {home}</translation>
    </message>
    <message>
        <source>{path} is damaged ({problem}): it lists the files `deskbreak desktop install` wrote; remove it and run the command again</source>
        <translation>{path} ist beschädigt ({problem}): sie listet die Dateien, die `deskbreak desktop install` geschrieben hat; entferne sie und führe den Befehl noch einmal aus</translation>
    </message>
    <message>
        <source>deskbreak: the application menu entry is for Linux and BSD desktops (freedesktop.org), not {platform}</source>
        <translation>deskbreak: der Eintrag im Anwendungsmenü ist für Linux- und BSD-Desktops (freedesktop.org), nicht für {platform}</translation>
    </message>
    <message>
        <source>installed {path}</source>
        <translation>installiert: {path}</translation>
    </message>
    <message>
        <source>removed {path}</source>
        <translation>entfernt: {path}</translation>
    </message>
    <message>
        <source>deskbreak: kept {path}: it was changed after deskbreak installed it</source>
        <translation>deskbreak: {path} bleibt: die Datei wurde geändert, nachdem deskbreak sie installiert hat</translation>
    </message>
    <message>
        <source>deskbreak is in the application menu: {entry} starts {command}</source>
        <translation>deskbreak ist im Anwendungsmenü: {entry} startet {command}</translation>
    </message>
    <message>
        <source>GNOME: to hold breaks for fullscreen windows, log in again, then run `gnome-extensions enable {uuid}`</source>
        <translation>GNOME: damit Pausen bei Vollbildfenstern warten, melde dich neu an und führe dann `gnome-extensions enable {uuid}` aus</translation>
    </message>
    <message>
        <source>no menu entry of deskbreak&apos;s under {folder}: nothing to remove</source>
        <translation>kein Menüeintrag von deskbreak unter {folder}: nichts zu entfernen</translation>
    </message>
</context>
<context>
    <name>control</name>
    <message>
        <source>&apos;{argument}&apos; is missing</source>
        <extracomment>What ``status`` answers (and most verbs after doing their part): ``status --json`` prints these without ``ok``. Times are ISO 8601 with the UTC offset, or null. A changed setting&apos;s reply: the status after the change, the keys that changed, and the setting&apos;s value as a person reads it (&quot;45m&quot;). A failed reply; ``cause`` only where the command line must tell a refusal from a bad request. config-set/-reset: the settings file cannot be saved over (it does not parse, or cannot be read). config-set/-reset: the running deskbreak reads another settings file (its path in ``settings_file``).</extracomment>
        <translation>„{argument}“ fehlt</translation>
    </message>
    <message>
        <source>&apos;{argument}&apos; must be text, not {value}</source>
        <translation>„{argument}“ muss Text sein, nicht {value}</translation>
    </message>
    <message>
        <source>this deskbreak reads {running}, not {path}</source>
        <translation>dieses deskbreak liest {running}, nicht {path}</translation>
    </message>
</context>
<context>
    <name>describe</name>
    <message>
        <source>Then warm up by walking slowly for 5-10 minutes before you run.</source>
        <translation>Wärm dich danach vor dem Lauf 5–10 Minuten mit langsamem Gehen auf.</translation>
    </message>
    <message>
        <source>Stretch your hips, legs and lower back now: muscles tighten quickly when activity suddenly stops.</source>
        <translation>Dehn jetzt Hüften, Beine und unteren Rücken: Muskeln verspannen schnell, wenn die Bewegung plötzlich endet.</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <source>{kind} in progress</source>
        <translation>{kind} läuft</translation>
    </message>
    <message>
        <source>{kind} in {duration}</source>
        <translation>{kind} in {duration}</translation>
    </message>
    <message>
        <source>Break after your {reason}</source>
        <translation>Pause nach deinem Termin: {reason}</translation>
    </message>
    <message>
        <source>Break waiting: {reason}</source>
        <translation>Pause wartet: {reason}</translation>
    </message>
    <message>
        <source>{kind} postponed until {time}</source>
        <translation>{kind} verschoben auf {time}</translation>
    </message>
    <message>
        <source>Paused until {time}</source>
        <translation>Pausiert bis {time}</translation>
    </message>
    <message>
        <source>No breaks scheduled</source>
        <translation>Keine Pausen geplant</translation>
    </message>
    <message>
        <source>Pre-run routine at {time}</source>
        <translation>Vorlauf-Routine um {time}</translation>
    </message>
    <message>
        <source>Pre-run routine {day_and_time}</source>
        <translation>Vorlauf-Routine {day_and_time}</translation>
    </message>
    <message>
        <source>Next sit-break in {duration}</source>
        <translation>Nächste Sitzpause in {duration}</translation>
    </message>
    <message>
        <source>a short routine</source>
        <translation>eine kurze Routine</translation>
    </message>
    <message>
        <source> ({duration} in all)</source>
        <translation> (insgesamt {duration})</translation>
    </message>
    <message>
        <source>Glute activation before your {time} run: {stretches}{takes}. {advice}</source>
        <translation>Gesäß aktivieren vor deinem Lauf um {time}: {stretches}{takes}. {advice}</translation>
    </message>
    <message>
        <source>Stand up and walk a little, then: {stretches}{takes}.</source>
        <translation>Steh auf und geh ein paar Schritte, dann: {stretches}{takes}.</translation>
    </message>
    <message>
        <source>stretch</source>
        <translation>Dehnen</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>away</source>
        <translation>weg</translation>
    </message>
    <message>
        <source>the screen is locked</source>
        <translation>der Bildschirm ist gesperrt</translation>
    </message>
    <message>
        <source>skipped ahead of time</source>
        <translation>im Voraus übersprungen</translation>
    </message>
    <message>
        <source>ended by the user</source>
        <translation>von dir beendet</translation>
    </message>
    <message>
        <source>replaced by: {kind}</source>
        <translation>ersetzt durch: {kind}</translation>
    </message>
    <message>
        <source>Strict mode: a break can be postponed once</source>
        <translation>Strenger Modus: Eine Pause lässt sich einmal verschieben</translation>
    </message>
    <message>
        <source>skipped by the user</source>
        <translation>von dir übersprungen</translation>
    </message>
    <message>
        <source>No skips left today</source>
        <translation>Heute kein Überspringen mehr übrig</translation>
    </message>
    <message>
        <source>no run today</source>
        <translation>heute kein Lauf</translation>
    </message>
    <message>
        <source>No run is planned today</source>
        <translation>Heute ist kein Lauf geplant</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>Strict mode: breaks cannot be skipped</source>
        <translation>Strenger Modus: Pausen lassen sich nicht überspringen</translation>
    </message>
</context>
<context>
    <name>exercise_editor</name>
    <message>
        <source>deskbreak: New exercise</source>
        <extracomment>How long the user may pause typing before the entry is checked again. The keys the timing row sets: one edit there is an edit of each.</extracomment>
        <translation>deskbreak: Neue Übung</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Wall calf stretch</source>
        <translation>Wadendehnung an der Wand</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Name of the exercise</source>
        <translation>Name der Übung</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Kennung:</translation>
    </message>
    <message>
        <source>Id of the exercise</source>
        <translation>Kennung der Übung</translation>
    </message>
    <message>
        <source>How routines.toml names it; made from the name.</source>
        <translation>So heißt sie in routines.toml; aus dem Namen gebildet.</translation>
    </message>
    <message>
        <source>Works {target}</source>
        <translation>Trainiert {target}</translation>
    </message>
    <message>
        <source>&amp;Works:</source>
        <translation>&amp;Trainiert:</translation>
    </message>
    <message>
        <source>What the exercise works</source>
        <translation>Was die Übung trainiert</translation>
    </message>
    <message>
        <source>Face a wall, one foot back.
Press the back heel down.</source>
        <translation>Stell dich vor eine Wand, ein Fuß hinten.
Drück die hintere Ferse nach unten.</translation>
    </message>
    <message>
        <source>S&amp;teps:</source>
        <translation>Sc&amp;hritte:</translation>
    </message>
    <message>
        <source>Steps, one per line</source>
        <translation>Schritte, einer pro Zeile</translation>
    </message>
    <message>
        <source>One step per line.</source>
        <translation>Ein Schritt pro Zeile.</translation>
    </message>
    <message>
        <source>Ti&amp;ming:</source>
        <translation>&amp;Zeit:</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>&amp;Both sides, one after the other</source>
        <translation>&amp;Beide Seiten, nacheinander</translation>
    </message>
    <message>
        <source>Both sides</source>
        <translation>Beide Seiten</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Hold for</source>
        <translation>&amp;Halten für</translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Hold, in seconds</source>
        <translation>Halten, in Sekunden</translation>
    </message>
    <message>
        <source>Repetitions</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <source>Hold of each repetition, in seconds</source>
        <translation>Halten je Wiederholung, in Sekunden</translation>
    </message>
    <message>
        <source>holding each</source>
        <translation>jeweils halten</translation>
    </message>
    <message numerus="yes">
        <source>%n times</source>
        <translation>
            <numerusform>%n Mal</numerusform>
            <numerusform>%n Mal</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Figure, from the catalog:</source>
        <translation>&amp;Figur, aus dem Katalog:</translation>
    </message>
    <message>
        <source>Figures to choose from</source>
        <translation>Figuren zur Auswahl</translation>
    </message>
    <message>
        <source>Pick a figure above.</source>
        <translation>Wähl oben eine Figur.</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Figur</translation>
    </message>
    <message>
        <source>The figure of “{exercise}”</source>
        <translation>Die Figur von „{exercise}“</translation>
    </message>
    <message>
        <source>To save, fill in: {fields}</source>
        <translation>Zum Speichern noch ausfüllen: {fields}</translation>
    </message>
    <message>
        <source>Not saved: {problem}</source>
        <translation>Nicht gespeichert: {problem}</translation>
    </message>
</context>
<context>
    <name>files</name>
    <message>
        <source>{path} is not a regular file ({kind})</source>
        <translation>{path} ist keine gewöhnliche Datei ({kind})</translation>
    </message>
    <message>
        <source>{path} is larger than {megabytes} MB; deskbreak does not read it</source>
        <translation>{path} ist größer als {megabytes} MB; deskbreak liest sie nicht</translation>
    </message>
    <message>
        <source>a named pipe</source>
        <translation>eine benannte Pipe</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>ein Gerät</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>ein Ordner</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>keine Datei</translation>
    </message>
    <message>
        <source>it is not UTF-8 text (byte {byte} on line {line})</source>
        <translation>es ist kein UTF-8-Text (Byte {byte} in Zeile {line})</translation>
    </message>
    <message>
        <source>{problem}; it begins on line {line}</source>
        <translation>{problem}; es beginnt in Zeile {line}</translation>
    </message>
    <message>
        <source>it is not valid TOML: {problem}</source>
        <translation>es ist kein gültiges TOML: {problem}</translation>
    </message>
    <message>
        <source>it nests arrays or tables too deeply to read</source>
        <translation>Arrays oder Tabellen sind zu tief verschachtelt, um sie zu lesen</translation>
    </message>
    <message>
        <source>{path} stayed locked by another program for {seconds} s</source>
        <translation>{path} blieb {seconds} s lang von einem anderen Programm gesperrt</translation>
    </message>
</context>
<context>
    <name>guide</name>
    <message>
        <source>Right side</source>
        <translation>Rechte Seite</translation>
    </message>
    <message>
        <source>Left side</source>
        <translation>Linke Seite</translation>
    </message>
    <message>
        <source>right side</source>
        <translation>rechte Seite</translation>
    </message>
    <message>
        <source>left side</source>
        <translation>linke Seite</translation>
    </message>
    <message>
        <source>Get into position</source>
        <translation>In Position gehen</translation>
    </message>
    <message>
        <source>Get into position: right side</source>
        <translation>In Position gehen: rechte Seite</translation>
    </message>
    <message>
        <source>Get into position: left side</source>
        <translation>In Position gehen: linke Seite</translation>
    </message>
    <message>
        <source>Switch to your right side</source>
        <translation>Wechsel zur rechten Seite</translation>
    </message>
    <message>
        <source>Switch to your left side</source>
        <translation>Wechsel zur linken Seite</translation>
    </message>
    <message>
        <source>Rep {rep} of {reps}</source>
        <translation>Wiederholung {rep} von {reps}</translation>
    </message>
    <message>
        <source>Set {set} of {sets}</source>
        <translation>Satz {set} von {sets}</translation>
    </message>
    <message>
        <source>{reps} reps</source>
        <translation>{reps} Wdh.</translation>
    </message>
    <message>
        <source>each side</source>
        <translation>je Seite</translation>
    </message>
    <message>
        <source>{move:g} s to lift and {move:g} s to lower each rep</source>
        <translation>je Wiederholung {move:g} s heben und {move:g} s senken</translation>
    </message>
    <message>
        <source>{pace:g} s a rep</source>
        <translation>{pace:g} s je Wiederholung</translation>
    </message>
    <message>
        <source>a {release:g} s release between holds</source>
        <translation>{release:g} s lösen zwischen den Haltephasen</translation>
    </message>
    <message>
        <source>Move, hold {hold:g} s, return</source>
        <translation>Bewegen, {hold:g} s halten, zurück</translation>
    </message>
    <message>
        <source>Move and return</source>
        <translation>Bewegen und zurück</translation>
    </message>
    <message>
        <source>Release, then hold again</source>
        <translation>Lösen, dann wieder halten</translation>
    </message>
    <message>
        <source>Hold {hold} s</source>
        <translation>{hold} s halten</translation>
    </message>
    <message>
        <source>Rest {seconds:g} s</source>
        <translation>{seconds:g} s Pause</translation>
    </message>
    <message>
        <source>{reps} times, {pace:g} s each</source>
        <translation>{reps}-mal, je {pace:g} s</translation>
    </message>
    <message>
        <source>hold {seconds} s, longer than the article&apos;s {figure} s as it allows: “{sentence}” (at most {limit:g} % more a week)</source>
        <translation>{seconds} s halten, länger als die {figure} s des Artikels, wie er es erlaubt: „{sentence}“ (höchstens {limit:g} % mehr pro Woche)</translation>
    </message>
</context>
<context>
    <name>history_csv</name>
    <message>
        <source>{path}: nothing was imported: {problem}</source>
        <translation>{path}: Nichts wurde importiert: {problem}</translation>
    </message>
    <message>
        <source>{path} is empty: a history export starts with the header line {columns}</source>
        <translation>{path} ist leer: Ein Verlaufsexport beginnt mit der Kopfzeile {columns}</translation>
    </message>
    <message>
        <source>{path}, line {line}, {problems}</source>
        <translation>{path}, Zeile {line}, {problems}</translation>
    </message>
    <message>
        <source>{path}, line {line}: {problems}</source>
        <translation>{path}, Zeile {line}: {problems}</translation>
    </message>
    <message>
        <source>cannot read {path}: {problem}</source>
        <translation>kann {path} nicht lesen: {problem}</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text (byte 0x{byte} on line {line}); deskbreak exports are UTF-8: save the file as UTF-8 CSV and import it again</source>
        <translation>{path} ist kein UTF-8-Text (Byte 0x{byte} in Zeile {line}); deskbreak exportiert UTF-8: Speichere die Datei als UTF-8-CSV und importiere sie erneut</translation>
    </message>
    <message>
        <source>{path}, line {line}: the CSV quoting is broken ({problem}); a value with commas, quotes or line breaks must be in double quotes, its quotes doubled</source>
        <translation>{path}, Zeile {line}: Die CSV-Anführungszeichen sind fehlerhaft ({problem}); ein Wert mit Kommas, Anführungszeichen oder Zeilenumbrüchen muss in doppelten Anführungszeichen stehen, seine eigenen Anführungszeichen verdoppelt</translation>
    </message>
    <message>
        <source>{path}, line {line}: the header lacks the columns {missing}; a deskbreak history export has {columns} (older ones the first ten)</source>
        <translation>{path}, Zeile {line}: Der Kopfzeile fehlen die Spalten {missing}; ein deskbreak-Verlaufsexport hat {columns} (ältere die ersten zehn)</translation>
    </message>
    <message>
        <source>{path}, line {line}: the header lacks the column {missing}; a deskbreak history export has {columns} (older ones the first ten)</source>
        <translation>{path}, Zeile {line}: Der Kopfzeile fehlt die Spalte {missing}; ein deskbreak-Verlaufsexport hat {columns} (ältere die ersten zehn)</translation>
    </message>
    <message>
        <source>... and {count} more</source>
        <translation>… und {count} weitere</translation>
    </message>
    <message>
        <source>{path}: {bad} of {total} rows cannot be imported, so nothing was imported (skipping the bad rows would import the other {good}):</source>
        <translation>{path}: {bad} von {total} Zeilen lassen sich nicht importieren, daher wurde nichts importiert (ohne die fehlerhaften Zeilen würden die übrigen {good} importiert):</translation>
    </message>
    <message>
        <source>{count} characters, more than the {limit} a cell may hold</source>
        <translation>{count} Zeichen, mehr als die {limit}, die eine Zelle fassen darf</translation>
    </message>
    <message>
        <source>column {column}: {problem}</source>
        <translation>Spalte {column}: {problem}</translation>
    </message>
    <message>
        <source>{cells} cells but the header has {columns} columns (a comma outside double quotes?)</source>
        <translation>{cells} Zellen, aber die Kopfzeile hat {columns} Spalten (ein Komma außerhalb doppelter Anführungszeichen?)</translation>
    </message>
    <message>
        <source>empty, and so is shown_at: a break needs the time it was due, shown, or both</source>
        <translation>leer, und shown_at auch: Eine Pause braucht die Zeit, zu der sie fällig war, gezeigt wurde, oder beides</translation>
    </message>
    <message numerus="yes">
        <source>[imported without exercise detail: %n exercises, {seconds} s]</source>
        <translation>
            <numerusform>[ohne Übungsdetails importiert: %n Übung, {seconds} s]</numerusform>
            <numerusform>[ohne Übungsdetails importiert: %n Übungen, {seconds} s]</numerusform>
        </translation>
    </message>
    <message>
        <source>empty: every break has a kind (sit, prerun, evening, natural, ...)</source>
        <translation>leer: Jede Pause hat eine Art (sit, prerun, evening, natural, …)</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; is not a kind of break (expected one of {kinds})</source>
        <translation>„{kind}“ ist keine Pausenart (erwartet eins von {kinds})</translation>
    </message>
    <message>
        <source>empty: the break was still in progress when the file was written and cannot be finished here (export again after it has ended)</source>
        <translation>leer: Die Pause lief noch, als die Datei geschrieben wurde, und kann hier nicht beendet werden (exportiere erneut, wenn sie vorbei ist)</translation>
    </message>
    <message>
        <source>{value} is not an outcome (expected one of {outcomes})</source>
        <translation>{value} ist kein Ergebnis (erwartet eins von {outcomes})</translation>
    </message>
    <message>
        <source>{value} is not an ISO 8601 time such as {example}</source>
        <translation>{value} ist keine ISO-8601-Zeit wie {example}</translation>
    </message>
    <message>
        <source>{value} has no UTC offset, so the moment it names is unknown (write it as {example})</source>
        <translation>{value} hat keinen UTC-Versatz, daher ist der Zeitpunkt unbekannt (schreib ihn wie {example})</translation>
    </message>
    <message>
        <source>{value} is not a number of exercises</source>
        <translation>{value} ist keine Anzahl von Übungen</translation>
    </message>
    <message>
        <source>{value} is not a whole number of exercises</source>
        <translation>{value} ist keine ganze Anzahl von Übungen</translation>
    </message>
    <message>
        <source>{value} is negative</source>
        <translation>{value} ist negativ</translation>
    </message>
    <message>
        <source>{value} is not true or false</source>
        <translation>{value} ist weder true noch false</translation>
    </message>
    <message>
        <source>is not a number of seconds</source>
        <translation>ist keine Sekundenzahl</translation>
    </message>
    <message>
        <source>is negative: an exercise cannot take negative time</source>
        <translation>ist negativ: Eine Übung kann keine negative Zeit dauern</translation>
    </message>
    <message>
        <source>{value} {problem}</source>
        <translation>{value} {problem}</translation>
    </message>
    <message>
        <source>not a JSON list of exercises ({problem} at character {position})</source>
        <translation>keine JSON-Liste von Übungen ({problem} bei Zeichen {position})</translation>
    </message>
    <message>
        <source>not a JSON list of exercises</source>
        <translation>keine JSON-Liste von Übungen</translation>
    </message>
    <message>
        <source>exercise {number} is not an object with exercise_id, seconds, completed and done_at</source>
        <translation>Übung {number} ist kein Objekt mit exercise_id, seconds, completed und done_at</translation>
    </message>
    <message>
        <source>exercise {number} has no exercise_id</source>
        <translation>Übung {number} hat keine exercise_id</translation>
    </message>
    <message>
        <source>exercise {number}&apos;s seconds {value} {problem}</source>
        <translation>Übung {number}: seconds {value} {problem}</translation>
    </message>
    <message>
        <source>exercise {number}&apos;s completed {value} is not true or false</source>
        <translation>Übung {number}: completed {value} ist weder true noch false</translation>
    </message>
    <message>
        <source>{value} is not a time such as {example}</source>
        <translation>{value} ist keine Zeit wie {example}</translation>
    </message>
    <message>
        <source>exercise {number}&apos;s done_at: {problem}</source>
        <translation>Übung {number}: done_at: {problem}</translation>
    </message>
</context>
<context>
    <name>holds</name>
    <message>
        <source>video or presentation ({desktop})</source>
        <extracomment>gnome-session&apos;s GSM_INHIBITOR_FLAG_IDLE: the session must not be marked idle.</extracomment>
        <translation>Video oder Präsentation ({desktop})</translation>
    </message>
    <message>
        <source>fullscreen window ({desktop})</source>
        <extracomment>The extension&apos;s object and interface (assets/desktop/gnome-shell-extension/*/extension.js).</extracomment>
        <translation>Vollbildfenster ({desktop})</translation>
    </message>
    <message>
        <source>call</source>
        <extracomment>The reason the tray (&quot;Break waiting: call&quot;) and ``status --json``&apos;s ``holding_for`` show.</extracomment>
        <translation>Anruf</translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <source>Sit-break</source>
        <translation>Sitzpause</translation>
    </message>
    <message>
        <source>Pre-run routine</source>
        <translation>Vorlauf-Routine</translation>
    </message>
    <message>
        <source>Back-care routine</source>
        <translation>Rückenpflege-Routine</translation>
    </message>
</context>
<context>
    <name>overlay</name>
    <message>
        <source>deskbreak: {kind} in progress</source>
        <translation>deskbreak: {kind} läuft</translation>
    </message>
    <message>
        <source>{kind} in progress on your other screen</source>
        <translation>{kind} läuft auf deinem anderen Bildschirm</translation>
    </message>
    <message>
        <source>End break</source>
        <translation>Pause beenden</translation>
    </message>
</context>
<context>
    <name>routines_page</name>
    <message>
        <source>Delete removes, Ctrl+Up and Ctrl+Down move, Enter in the catalog adds.</source>
        <translation>Entf entfernt, Strg+Pfeil hoch und Strg+Pfeil runter verschieben, Enter im Katalog fügt hinzu.</translation>
    </message>
    <message>
        <source>A routine needs at least one exercise, so the last one cannot be removed: add another first.</source>
        <translation>Eine Routine braucht mindestens eine Übung, daher lässt sich die letzte nicht entfernen: Füge zuerst eine andere hinzu.</translation>
    </message>
    <message>
        <source>Routines</source>
        <translation>Routinen</translation>
    </message>
    <message>
        <source>Routine to edit</source>
        <translation>Zu bearbeitende Routine</translation>
    </message>
    <message>
        <source>&amp;Routine:</source>
        <translation>&amp;Routine:</translation>
    </message>
    <message>
        <source>Restore &amp;default</source>
        <translation>Standard &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the default exercises of this routine</source>
        <translation>Die Standardübungen dieser Routine wiederherstellen</translation>
    </message>
    <message>
        <source>In this routine</source>
        <translation>In dieser Routine</translation>
    </message>
    <message>
        <source>Exercises in this routine</source>
        <translation>Übungen in dieser Routine</translation>
    </message>
    <message>
        <source>Rotation groups, one per break in turn</source>
        <translation>Wechselgruppen, eine pro Pause im Wechsel</translation>
    </message>
    <message>
        <source>R&amp;otation: one group per break, in turn</source>
        <translation>We&amp;chsel: eine Gruppe pro Pause</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move the selected row up</source>
        <translation>Die ausgewählte Zeile nach oben verschieben</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Move the selected row down</source>
        <translation>Die ausgewählte Zeile nach unten verschieben</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation>Die ausgewählte Zeile entfernen</translation>
    </message>
    <message>
        <source>&amp;Pair with the one above</source>
        <translation>&amp;Mit der oberen paaren</translation>
    </message>
    <message>
        <source>Pair the selected group with the group above it</source>
        <translation>Die ausgewählte Gruppe mit der Gruppe darüber paaren</translation>
    </message>
    <message>
        <source>&amp;Split</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>Split the selected group into one group per exercise</source>
        <translation>Die ausgewählte Gruppe in eine Gruppe pro Übung trennen</translation>
    </message>
    <message>
        <source>Add from the catalog</source>
        <translation>Aus dem Katalog hinzufügen</translation>
    </message>
    <message>
        <source>Show exercises done</source>
        <translation>Übungen nach Ort zeigen</translation>
    </message>
    <message>
        <source>All places</source>
        <translation>Alle Orte</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <source>&amp;New exercise…</source>
        <translation>&amp;Neue Übung…</translation>
    </message>
    <message>
        <source>Make an exercise of your own</source>
        <translation>Eine eigene Übung anlegen</translation>
    </message>
    <message>
        <source>Exercise catalog</source>
        <translation>Übungskatalog</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add the selected exercise to this routine</source>
        <translation>Die ausgewählte Übung zu dieser Routine hinzufügen</translation>
    </message>
    <message>
        <source>Add to &amp;every break</source>
        <translation>In jede &amp;Pause</translation>
    </message>
    <message>
        <source>Add the selected exercise to every sit-break</source>
        <translation>Die ausgewählte Übung zu jeder Sitzpause hinzufügen</translation>
    </message>
    <message>
        <source>{exercise}: {figures}</source>
        <translation>{exercise}: {figures}</translation>
    </message>
    <message>
        <source>{figures}; ours: {pacing}</source>
        <translation>{figures}; unseres: {pacing}</translation>
    </message>
    <message>
        <source>Our pacing: {pacing}</source>
        <translation>Unser Tempo: {pacing}</translation>
    </message>
    <message>
        <source>E&amp;very break</source>
        <translation>&amp;Jede Pause</translation>
    </message>
    <message>
        <source>&amp;Exercises, in order</source>
        <translation>Ü&amp;bungen, der Reihe nach</translation>
    </message>
    <message>
        <source>Exercises in every break</source>
        <translation>Übungen in jeder Pause</translation>
    </message>
    <message>
        <source>&amp;Add to the rotation</source>
        <translation>In den Wec&amp;hsel</translation>
    </message>
    <message>
        <source>{exercise} is already in this routine.</source>
        <translation>{exercise} ist schon in dieser Routine.</translation>
    </message>
</context>
<context>
    <name>routines_problems</name>
    <message>
        <source>{path}: could not read the routines file ({problem}); using the default routines</source>
        <translation>{path}: Die Routinendatei konnte nicht gelesen werden ({problem}); die Standardroutinen werden verwendet</translation>
    </message>
    <message>
        <source>{path}: {problem}; using the default routines and leaving the file as it is for you to fix</source>
        <translation>{path}: {problem}; die Standardroutinen werden verwendet, und die Datei bleibt, wie sie ist, damit du sie korrigieren kannst</translation>
    </message>
    <message>
        <source>{path}: routine &apos;{routine}&apos;: {problem}; using the default routine</source>
        <translation>{path}: Routine „{routine}“: {problem}; die Standardroutine wird verwendet</translation>
    </message>
    <message>
        <source>{path}: unknown routine &apos;{key}&apos;{suggestion} (kept in the file, ignored); the file holds one table per routine: {routines}</source>
        <translation>{path}: unbekannte Routine „{key}“{suggestion} (bleibt in der Datei, wird ignoriert); die Datei enthält eine Tabelle pro Routine: {routines}</translation>
    </message>
    <message>
        <source>{path}: unknown key &apos;{key}&apos;{suggestion} (kept in the file, ignored); the file holds one table per routine: {routines}</source>
        <translation>{path}: unbekannter Schlüssel „{key}“{suggestion} (bleibt in der Datei, wird ignoriert); die Datei enthält eine Tabelle pro Routine: {routines}</translation>
    </message>
    <message>
        <source> (did you mean &apos;{word}&apos;?)</source>
        <translation> (meintest du „{word}“?)</translation>
    </message>
    <message>
        <source>must be a table like [{routine}] with exercises = [...], not {value}</source>
        <translation>muss eine Tabelle wie [{routine}] mit exercises = [...] sein, nicht {value}</translation>
    </message>
    <message>
        <source>unknown field &apos;{field}&apos;; a routine has only {fields}</source>
        <translation>unbekanntes Feld „{field}“; eine Routine hat nur {fields}</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>field &apos;exercises&apos;: must be a list of exercise ids, not {value}</source>
        <translation>Feld „exercises“: muss eine Liste von Übungs-IDs sein, nicht {value}</translation>
    </message>
    <message>
        <source>field &apos;rotation&apos;: must be a list of non-empty lists of exercise ids, not {value}</source>
        <translation>Feld „rotation“: muss eine Liste nicht leerer Listen von Übungs-IDs sein, nicht {value}</translation>
    </message>
    <message>
        <source>it has no exercises</source>
        <translation>sie hat keine Übungen</translation>
    </message>
    <message>
        <source>unknown exercise &apos;{exercise}&apos;{suggestion}</source>
        <translation>unbekannte Übung „{exercise}“{suggestion}</translation>
    </message>
    <message>
        <source>{problem}; fix or remove the file first, it is not overwritten</source>
        <translation>{problem}; korrigiere oder entferne die Datei zuerst, sie wird nicht überschrieben</translation>
    </message>
    <message>
        <source>could not save routines to {path}: {problem}</source>
        <translation>Routinen konnten nicht in {path} gespeichert werden: {problem}</translation>
    </message>
    <message>
        <source>unknown routine &apos;{routine}&apos;</source>
        <translation>unbekannte Routine „{routine}“</translation>
    </message>
    <message>
        <source>routine &apos;{routine}&apos;: {problem}</source>
        <translation>Routine „{routine}“: {problem}</translation>
    </message>
</context>
<context>
    <name>runs</name>
    <message>
        <source>Weekly run</source>
        <translation>Wöchentlicher Lauf</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Breaks</source>
        <translation>Pausen</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Arbeitszeit</translation>
    </message>
    <message>
        <source>Interruptions</source>
        <translation>Unterbrechungen</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Routines</source>
        <translation>Routinen</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Ton</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Sit-break every</source>
        <translation>Sitzpause alle</translation>
    </message>
    <message>
        <source>Time between sit-breaks, counted from the end of the last break.</source>
        <translation>Zeit zwischen zwei Sitzpausen, gezählt ab dem Ende der letzten Pause.</translation>
    </message>
    <message>
        <source>Warning before a break</source>
        <translation>Vorwarnung vor einer Pause</translation>
    </message>
    <message>
        <source>A notification this long before a break, so you can finish a sentence.</source>
        <translation>Eine Benachrichtigung so lange vor der Pause, damit du deinen Satz zu Ende schreiben kannst.</translation>
    </message>
    <message>
        <source>Postpone by</source>
        <translation>Verschieben um</translation>
    </message>
    <message>
        <source>How long &quot;Postpone&quot; puts a break off.</source>
        <translation>Wie lange „Verschieben“ eine Pause aufschiebt.</translation>
    </message>
    <message>
        <source>Natural break after</source>
        <translation>Natürliche Pause nach</translation>
    </message>
    <message>
        <source>Away from the computer this long counts as a break, and the countdown restarts.</source>
        <translation>So lange weg vom Computer zählt als Pause, und der Countdown beginnt neu.</translation>
    </message>
    <message>
        <source>When the screen locks or the computer sleeps</source>
        <translation>Wenn der Bildschirm sperrt oder der Computer schläft</translation>
    </message>
    <message>
        <source>In the file: break, pause or ignore.</source>
        <translation>In der Datei: break, pause oder ignore.</translation>
    </message>
    <message>
        <source>Count the time away as a break</source>
        <translation>Die Zeit weg als Pause zählen</translation>
    </message>
    <message>
        <source>Pause the countdown until I am back</source>
        <translation>Countdown anhalten, bis ich zurück bin</translation>
    </message>
    <message>
        <source>Ignore it: the countdown runs on</source>
        <translation>Ignorieren: Der Countdown läuft weiter</translation>
    </message>
    <message>
        <source>Show breaks on</source>
        <translation>Pausen zeigen auf</translation>
    </message>
    <message>
        <source>The other screens are dimmed while a break is on. A chosen screen that is not connected gives way to the one with the mouse pointer. In the file: mouse, primary or a screen&apos;s name.</source>
        <translation>Die anderen Bildschirme werden während einer Pause abgedunkelt. Ist ein gewählter Bildschirm nicht angeschlossen, kommt die Pause auf den mit dem Mauszeiger. In der Datei: mouse, primary oder der Name eines Bildschirms.</translation>
    </message>
    <message>
        <source>The screen with the mouse pointer</source>
        <translation>Dem Bildschirm mit dem Mauszeiger</translation>
    </message>
    <message>
        <source>The primary screen</source>
        <translation>Dem Hauptbildschirm</translation>
    </message>
    <message>
        <source>Hold breaks for presentations up to</source>
        <translation>Pausen bei Präsentationen aufschieben bis zu</translation>
    </message>
    <message>
        <source>While a window is fullscreen, do-not-disturb is on, you are in a call or a call app is open, a due break waits and starts when that ends; past this, you get a notification instead.</source>
        <translation>Solange ein Fenster im Vollbild ist, „Nicht stören“ an ist, du in einem Anruf bist oder eine Videocall-App offen ist, wartet eine fällige Pause und beginnt danach; nach dieser Zeit bekommst du stattdessen eine Benachrichtigung.</translation>
    </message>
    <message>
        <source>Hold breaks during calls and screen shares</source>
        <translation>Pausen warten während Anrufen und Bildschirmfreigaben</translation>
    </message>
    <message>
        <source>While your microphone or camera is recording or your screen is shared, in any app, a due break waits and starts shortly after that stops.</source>
        <translation>Solange dein Mikrofon oder deine Kamera aufnimmt oder dein Bildschirm geteilt wird, in welcher App auch immer, wartet eine fällige Pause und beginnt kurz danach.</translation>
    </message>
    <message>
        <source>Hold breaks while these apps have a window</source>
        <translation>Pausen aufschieben, solange diese Apps ein Fenster haben</translation>
    </message>
    <message>
        <source>Window classes of video-call apps, separated by commas.</source>
        <translation>Fensterklassen von Videocall-Apps, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>Skips a day</source>
        <translation>Überspringen pro Tag</translation>
    </message>
    <message>
        <source>After this many skips in a day, Skip becomes &quot;Postpone 5 min&quot; and the tray shows breaks are overdue. 0 means no limit.</source>
        <translation>Nach so vielen übersprungenen Pausen an einem Tag wird „Überspringen“ zu „5 min verschieben“, und das Symbol zeigt überfällige Pausen. 0 heißt unbegrenzt.</translation>
    </message>
    <message>
        <source>Strict mode</source>
        <translation>Strenger Modus</translation>
    </message>
    <message>
        <source>No skipping, and one postpone per break.</source>
        <translation>Kein Überspringen und nur einmal Verschieben pro Pause.</translation>
    </message>
    <message>
        <source>Only during working hours</source>
        <translation>Nur während der Arbeitszeit</translation>
    </message>
    <message>
        <source>Prompt sit-breaks only on work days between the start and end times.</source>
        <translation>Sitzpausen nur an Arbeitstagen zwischen Beginn und Ende anbieten.</translation>
    </message>
    <message>
        <source>Work days</source>
        <translation>Arbeitstage</translation>
    </message>
    <message>
        <source>Days you work at the desk.</source>
        <translation>Tage, an denen du am Schreibtisch arbeitest.</translation>
    </message>
    <message>
        <source>Work starts</source>
        <translation>Arbeitsbeginn</translation>
    </message>
    <message>
        <source>Start of the working day.</source>
        <translation>Beginn des Arbeitstags.</translation>
    </message>
    <message>
        <source>Work ends</source>
        <translation>Arbeitsende</translation>
    </message>
    <message>
        <source>End of the working day; must come after the start.</source>
        <translation>Ende des Arbeitstags; muss nach dem Beginn liegen.</translation>
    </message>
    <message>
        <source>Run days and times</source>
        <translation>Lauftage und -zeiten</translation>
    </message>
    <message>
        <source>The days you run and when you set off; a pre-run routine is offered before each.</source>
        <translation>Die Tage, an denen du läufst, und wann du losläufst; vor jedem Lauf gibt es eine Vorlauf-Routine.</translation>
    </message>
    <message>
        <source>Pre-run routine before the run</source>
        <translation>Vorlauf-Routine vor dem Lauf</translation>
    </message>
    <message>
        <source>How long before a run to offer the glute-activation routine.</source>
        <translation>Wie lange vor einem Lauf die Routine zur Gesäßaktivierung angeboten wird.</translation>
    </message>
    <message>
        <source>Calendar file</source>
        <translation>Kalenderdatei</translation>
    </message>
    <message>
        <source>An .ics file from your training plan or calendar: its runs get a pre-run routine and its meetings hold breaks. Read offline and re-read when it changes.</source>
        <translation>Eine .ics-Datei aus deinem Trainingsplan oder Kalender: Ihre Läufe bekommen eine Vorlauf-Routine, ihre Termine schieben Pausen auf. Wird offline gelesen und bei Änderungen neu eingelesen.</translation>
    </message>
    <message>
        <source>More words that mark a run</source>
        <translation>Weitere Wörter für einen Lauf</translation>
    </message>
    <message>
        <source>Events whose title or category has one of these words are runs, besides run, jog, tempo, intervals, long run, fartlek, parkrun and their German, French, Spanish and Italian words.</source>
        <translation>Termine, deren Titel oder Kategorie eines dieser Wörter enthält, gelten als Lauf – zusätzlich zu run, jog, tempo, intervals, long run, fartlek, parkrun und den deutschen, französischen, spanischen und italienischen Wörtern dafür.</translation>
    </message>
    <message>
        <source>trail, track session</source>
        <translation>Trail, Bahntraining</translation>
    </message>
    <message>
        <source>All-day runs start at</source>
        <translation>Ganztägige Läufe beginnen um</translation>
    </message>
    <message>
        <source>An all-day calendar event counts as a run only with a start time: switch this on and set it.</source>
        <translation>Ein ganztägiger Termin zählt nur mit Startzeit als Lauf: Schalte das ein und stell sie ein.</translation>
    </message>
    <message>
        <source>A run lasts about</source>
        <translation>Ein Lauf dauert etwa</translation>
    </message>
    <message>
        <source>For runs without an end time: when to offer the cool-down.</source>
        <translation>Für Läufe ohne Endzeit: wann das Cool-down angeboten wird.</translation>
    </message>
    <message>
        <source>Offer a cool-down after a run</source>
        <translation>Nach einem Lauf ein Cool-down anbieten</translation>
    </message>
    <message>
        <source>When a run is over, offer the back-care routine; a sit-break due then is dropped either way (you just moved).</source>
        <translation>Nach dem Lauf die Rückenpflege-Routine anbieten; eine dann fällige Sitzpause entfällt so oder so (du hast dich ja gerade bewegt).</translation>
    </message>
    <message>
        <source>Hold length</source>
        <translation>Haltedauer</translation>
    </message>
    <message>
        <source>Where a document gives a hold range (such as 20-30 s), which end the guide uses.</source>
        <translation>Wenn ein Artikel eine Spanne nennt (etwa 20–30 s), welches Ende die Anleitung nimmt.</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Kurz</translation>
    </message>
    <message>
        <source>Middle</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Long</source>
        <translation>Lang</translation>
    </message>
    <message>
        <source>Lead-in</source>
        <translation>Vorlauf</translation>
    </message>
    <message>
        <source>Get-into-position countdown before each hold.</source>
        <translation>Countdown zum In-Position-Gehen vor jedem Halten.</translation>
    </message>
    <message>
        <source>My lower back hurts right now</source>
        <translation>Mein unterer Rücken schmerzt gerade</translation>
    </message>
    <message>
        <source>Leave out forward folds and intense backbends and do the gentle moves the articles name instead (supine hamstring stretch, knee-to-chest); the safety notes come first.</source>
        <translation>Vorbeugen und starke Rückbeugen weglassen und stattdessen die sanften Übungen aus den Artikeln machen (Dehnung der hinteren Oberschenkel in Rückenlage, Knie zur Brust); die Sicherheitshinweise kommen zuerst.</translation>
    </message>
    <message>
        <source>Holds grow with me</source>
        <translation>Haltezeiten wachsen mit mir</translation>
    </message>
    <message>
        <source>Where an article asks for it, a hold grows a step (at most 15 %) after three sessions and a week. &quot;This hurts&quot; steps it back; a sore back pauses it.</source>
        <translation>Wo ein Artikel es vorsieht, wächst eine Haltezeit nach drei Einheiten und einer Woche um eine Stufe (höchstens 15 %). „Das tut weh“ nimmt sie eine Stufe zurück; ein schmerzender Rücken hält sie an.</translation>
    </message>
    <message>
        <source>Play a soft cue at the end of each hold and at each side switch.</source>
        <translation>Ein leiser Ton am Ende jedes Haltens und bei jedem Seitenwechsel.</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Loudness of the cues.</source>
        <translation>Lautstärke der Töne.</translation>
    </message>
    <message>
        <source>Daily goal</source>
        <translation>Tagesziel</translation>
    </message>
    <message>
        <source>A day meets the goal when you take this share of its prompted sit-breaks (done to the end, or away from the desk); the history counts your streak of such days.</source>
        <translation>Ein Tag erreicht das Ziel, wenn du diesen Anteil der angebotenen Sitzpausen machst (bis zum Ende oder weg vom Schreibtisch); der Verlauf zählt deine Serie solcher Tage.</translation>
    </message>
    <message>
        <source>Not stretched lately after</source>
        <translation>Länger nicht gedehnt nach</translation>
    </message>
    <message>
        <source>The history names the muscle groups your breaks have not worked for this many days.</source>
        <translation>Der Verlauf nennt die Muskelgruppen, die deine Pausen so viele Tage nicht trainiert haben.</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tagen</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Start deskbreak in the tray when you log in.</source>
        <translation>deskbreak beim Anmelden im Systembereich starten.</translation>
    </message>
    <message>
        <source>Motion in breaks</source>
        <translation>Bewegung in Pausen</translation>
    </message>
    <message>
        <source>Reduced motion shows the figure&apos;s poses without moving between them, and the countdown ring steps once a second instead of sweeping. In the file: system, full or reduced.</source>
        <translation>Weniger Bewegung zeigt die Haltungen der Figur ohne Übergänge dazwischen, und der Countdown-Ring springt einmal pro Sekunde, statt gleitend abzulaufen. In der Datei: system, full oder reduced.</translation>
    </message>
    <message>
        <source>Follow the desktop</source>
        <translation>Wie der Desktop</translation>
    </message>
    <message>
        <source>Full motion</source>
        <translation>Volle Bewegung</translation>
    </message>
    <message>
        <source>Reduced motion</source>
        <translation>Weniger Bewegung</translation>
    </message>
</context>
<context>
    <name>settings_dialog</name>
    <message>
        <source>Mon</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n seconds</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>at least {amount}</source>
        <translation>mindestens {amount}</translation>
    </message>
    <message>
        <source>at most {amount}</source>
        <translation>höchstens {amount}</translation>
    </message>
    <message>
        <source> unit</source>
        <translation> Einheit</translation>
    </message>
    <message>
        <source>Run time on {day}</source>
        <translation>Laufzeit am {day}</translation>
    </message>
    <message>
        <source>{name} ({width}x{height})</source>
        <translation>{name} ({width}x{height})</translation>
    </message>
    <message>
        <source>{name} (not connected)</source>
        <translation>{name} (nicht angeschlossen)</translation>
    </message>
    <message>
        <source> on</source>
        <translation> an</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>: choose a file</source>
        <translation>: Datei auswählen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>: clear</source>
        <translation>: leeren</translation>
    </message>
    <message>
        <source>Calendar (*.ics);;All files (*)</source>
        <translation>Kalender (*.ics);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source> and </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Not saved: {problem}</source>
        <translation>Nicht gespeichert: {problem}</translation>
    </message>
    <message>
        <source>This run uses {value}, set on the command line; changing it here replaces that.</source>
        <translation>Dieser Start nutzt {value} von der Kommandozeile; eine Änderung hier ersetzt das.</translation>
    </message>
    <message>
        <source>deskbreak: Settings</source>
        <translation>deskbreak: Einstellungen</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Bereiche der Einstellungen</translation>
    </message>
    <message>
        <source>Changes apply at once and are saved to {path}.</source>
        <translation>Änderungen gelten sofort und werden in {path} gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>Restore &amp;all defaults</source>
        <translation>&amp;Alles zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>{help} Writes {location}.</source>
        <translation>{help} Schreibt {location}.</translation>
    </message>
    <message>
        <source>Open the settings &amp;folder</source>
        <translation>Einstellungs&amp;ordner öffnen</translation>
    </message>
    <message>
        <source>Restore these settings&apos; defaults</source>
        <translation>Diese Einstellungen zurücksetzen</translation>
    </message>
    <message>
        <source>Restore this page&apos;s defaults</source>
        <translation>Diese Seite zurücksetzen</translation>
    </message>
    <message>
        <source>Restores {settings}</source>
        <translation>Setzt {settings} zurück</translation>
    </message>
    <message>
        <source>Could not restore the defaults: {error}</source>
        <translation>Standardwerte konnten nicht wiederhergestellt werden: {error}</translation>
    </message>
    <message>
        <source>Defaults restored.</source>
        <translation>Standardwerte wiederhergestellt.</translation>
    </message>
    <message>
        <source>This page&apos;s defaults restored.</source>
        <translation>Standardwerte dieser Seite wiederhergestellt.</translation>
    </message>
    <message>
        <source>Not imported: {error}</source>
        <translation>Nicht importiert: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Imported {path} (%n settings changed).</source>
        <translation>
            <numerusform>{path} importiert (%n Einstellung geändert).</numerusform>
            <numerusform>{path} importiert (%n Einstellungen geändert).</numerusform>
        </translation>
    </message>
    <message>
        <source>Exercises added: {exercises}.</source>
        <translation>Übungen hinzugefügt: {exercises}.</translation>
    </message>
    <message>
        <source>Exercises replaced: {exercises}.</source>
        <translation>Übungen ersetzt: {exercises}.</translation>
    </message>
    <message>
        <source>Not exported: {error}</source>
        <translation>Nicht exportiert: {error}</translation>
    </message>
    <message>
        <source>Exported to {path}; your exercises were left out: {problem}</source>
        <translation>Nach {path} exportiert; deine Übungen fehlen darin: {problem}</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>Nach {path} exportiert.</translation>
    </message>
    <message>
        <source>Import settings</source>
        <translation>Einstellungen importieren</translation>
    </message>
    <message>
        <source>Settings (*.toml);;All files (*)</source>
        <translation>Einstellungen (*.toml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export settings</source>
        <translation>Einstellungen exportieren</translation>
    </message>
    <message>
        <source>Settings (*.toml)</source>
        <translation>Einstellungen (*.toml)</translation>
    </message>
</context>
<context>
    <name>settings_problems</name>
    <message>
        <source>{text} is not a duration; write it like 30m, 45s or 1h30m</source>
        <translation>{text} ist keine Dauer; schreib sie wie 30m, 45s oder 1h30m</translation>
    </message>
    <message>
        <source>{value} is far too long for a duration</source>
        <translation>{value} ist viel zu lang für eine Dauer</translation>
    </message>
    <message>
        <source>{text} is not a time of day; write it like 18:00 or 7:30</source>
        <translation>{text} ist keine Uhrzeit; schreib sie wie 18:00 oder 7:30</translation>
    </message>
    <message>
        <source>{text} is not a time of day; hours go 0-23 and minutes 0-59</source>
        <translation>{text} ist keine Uhrzeit; Stunden gehen von 0–23 und Minuten von 0–59</translation>
    </message>
    <message>
        <source>{name} is not a day of the week; use {days}</source>
        <translation>{name} ist kein Wochentag; nimm {days}</translation>
    </message>
    <message>
        <source>{number} seconds</source>
        <translation>{number} Sekunden</translation>
    </message>
    <message>
        <source>must be a duration like &quot;30m&quot; or a number of seconds, not {value}</source>
        <translation>muss eine Dauer wie &quot;30m&quot; oder eine Zahl von Sekunden sein, nicht {value}</translation>
    </message>
    <message>
        <source>{value} is negative; a duration must be 0s or more</source>
        <translation>{value} ist negativ; eine Dauer muss 0s oder mehr sein</translation>
    </message>
    <message>
        <source>must be a whole number of seconds, not {seconds}s</source>
        <translation>muss eine ganze Zahl von Sekunden sein, nicht {seconds}s</translation>
    </message>
    <message>
        <source>must be true or false, not {value}</source>
        <translation>muss true oder false sein, nicht {value}</translation>
    </message>
    <message>
        <source>must be a whole number, not {value}</source>
        <translation>muss eine ganze Zahl sein, nicht {value}</translation>
    </message>
    <message>
        <source>must be a local time of day without a timezone, not {value}</source>
        <translation>muss eine lokale Uhrzeit ohne Zeitzone sein, nicht {value}</translation>
    </message>
    <message>
        <source>must be a time in whole minutes, not {value}</source>
        <translation>muss eine Zeit in ganzen Minuten sein, nicht {value}</translation>
    </message>
    <message>
        <source>must be a time of day like &quot;18:00&quot;, not {value}</source>
        <translation>muss eine Uhrzeit wie &quot;18:00&quot; sein, nicht {value}</translation>
    </message>
    <message>
        <source>day numbers go from 0 (Monday) to 6 (Sunday), not {value}</source>
        <translation>Tagesnummern gehen von 0 (Montag) bis 6 (Sonntag), nicht {value}</translation>
    </message>
    <message>
        <source>must be a list of days like [&quot;tue&quot;, &quot;thu&quot;], not {value}</source>
        <translation>muss eine Liste von Tagen wie [&quot;tue&quot;, &quot;thu&quot;] sein, nicht {value}</translation>
    </message>
    <message>
        <source>{value} is not a list of days and times; write it like &quot;tue 18:00, sat 8:30&quot;</source>
        <translation>{value} ist keine Liste von Tagen und Uhrzeiten; schreib sie wie &quot;tue 18:00, sat 8:30&quot;</translation>
    </message>
    <message>
        <source>must be a table of days and times like {{tue = &quot;18:00&quot;}}, not {value}</source>
        <translation>muss eine Tabelle von Tagen und Uhrzeiten wie {{tue = &quot;18:00&quot;}} sein, nicht {value}</translation>
    </message>
    <message>
        <source>day &apos;{day}&apos;: {problem}</source>
        <translation>Tag „{day}“: {problem}</translation>
    </message>
    <message>
        <source>{day} is given twice; one time per day</source>
        <translation>{day} steht zweimal da; eine Uhrzeit pro Tag</translation>
    </message>
    <message>
        <source>must be a list of names like [&quot;zoom&quot;, &quot;teams&quot;], not {value}</source>
        <translation>muss eine Liste von Namen wie [&quot;zoom&quot;, &quot;teams&quot;] sein, nicht {value}</translation>
    </message>
    <message>
        <source>must be a file path in quotes, or &quot;&quot; for none, not {value}</source>
        <translation>muss ein Dateipfad in Anführungszeichen sein oder &quot;&quot; für keinen, nicht {value}</translation>
    </message>
    <message>
        <source>{value} is not one of {choices}</source>
        <translation>{value} ist keins von {choices}</translation>
    </message>
    <message>
        <source>must be {keywords} or a screen&apos;s name in quotes, not {value}</source>
        <translation>muss {keywords} oder der Name eines Bildschirms in Anführungszeichen sein, nicht {value}</translation>
    </message>
    <message>
        <source>must not be empty; write {keywords} or a screen&apos;s name such as HDMI-1</source>
        <translation>darf nicht leer sein; schreib {keywords} oder den Namen eines Bildschirms wie HDMI-1</translation>
    </message>
    <message>
        <source>{value} is not a screen&apos;s name: at most {count} characters, none of them line breaks or control characters</source>
        <translation>{value} ist kein Bildschirmname: höchstens {count} Zeichen, keine Zeilenumbrüche oder Steuerzeichen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>must be at least {minimum}, not {value}</source>
        <translation>muss mindestens {minimum} sein, nicht {value}</translation>
    </message>
    <message>
        <source>must be at most {maximum}, not {value}</source>
        <translation>darf höchstens {maximum} sein, nicht {value}</translation>
    </message>
    <message>
        <source>key &apos;{key}&apos;: {problem}</source>
        <translation>Schlüssel „{key}“: {problem}</translation>
    </message>
    <message>
        <source>unknown setting &apos;{key}&apos;; did you mean {meant}?</source>
        <translation>unbekannte Einstellung „{key}“; meintest du {meant}?</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>keys {keys}: {problem}</source>
        <translation>Schlüssel {keys}: {problem}</translation>
    </message>
    <message>
        <source>{path}: could not change {keys} without changing other lines; nothing was saved</source>
        <translation>{path}: {keys} ließ sich nicht ändern, ohne andere Zeilen zu ändern; nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>unknown setting &apos;{key}&apos;</source>
        <extracomment>The keys nobody subscribes to: read each time they are used (the break window reads the routine&apos;s pacing, its screen and the motion when it opens, the history window the goal when it shows), so a change applies from the next use. Every other key has a listener that declares it next to the code that reads it (the engine&apos;s SCHEDULE_KEYS, the hold sources&apos; KEYS, the calendar&apos;s, the chimes&apos;, the watchdog&apos;s, the autostart entry&apos;s); tests/ui/test_setting_listeners.py checks that each key is one or the other.</extracomment>
        <translation>unbekannte Einstellung „{key}“</translation>
    </message>
    <message>
        <source>unknown setting</source>
        <translation>unbekannte Einstellung</translation>
    </message>
    <message>
        <source>{work_start} must come before {work_end}, or no sit-break would ever be prompted</source>
        <translation>{work_start} muss vor {work_end} liegen, sonst würde nie eine Sitzpause angeboten</translation>
    </message>
    <message>
        <source>{working_hours} is on but {work_days} is empty, so no sit-break would ever be prompted</source>
        <translation>{working_hours} ist an, aber {work_days} ist leer, also würde nie eine Sitzpause angeboten</translation>
    </message>
    <message>
        <source>{prelude} must be shorter than {sit_interval}</source>
        <translation>{prelude} muss kürzer sein als {sit_interval}</translation>
    </message>
    <message>
        <source>{path}: unknown key &apos;{key}&apos; ignored (did you mean {meant}?)</source>
        <translation>{path}: unbekannter Schlüssel „{key}“ ignoriert (meintest du {meant}?)</translation>
    </message>
    <message>
        <source>{path}: unknown table [{key}] (settings are top-level keys; kept in the file, ignored)</source>
        <translation>{path}: unbekannte Tabelle [{key}] (Einstellungen sind Schlüssel der obersten Ebene; bleibt in der Datei, wird ignoriert)</translation>
    </message>
    <message>
        <source>{path}: unknown key &apos;{key}&apos; (kept in the file, ignored)</source>
        <translation>{path}: unbekannter Schlüssel „{key}“ (bleibt in der Datei, wird ignoriert)</translation>
    </message>
    <message>
        <source>{path}: could not read the settings file ({problem}); using the defaults</source>
        <translation>{path}: Die Einstellungsdatei konnte nicht gelesen werden ({problem}); die Standardwerte werden verwendet</translation>
    </message>
    <message>
        <source>{path}: {problem}; using the defaults</source>
        <translation>{path}: {problem}; die Standardwerte werden verwendet</translation>
    </message>
    <message>
        <source>{path}: {problem}; could not move it aside ({move_problem}), so it is left as it is and the defaults are used</source>
        <translation>{path}: {problem}; sie konnte nicht beiseitegelegt werden ({move_problem}), daher bleibt sie, wie sie ist, und die Standardwerte werden verwendet</translation>
    </message>
    <message>
        <source>{path}: {problem}; moved it to {moved_to} and using the defaults</source>
        <translation>{path}: {problem}; nach {moved_to} verschoben, die Standardwerte werden verwendet</translation>
    </message>
    <message>
        <source>{path}: key &apos;{key}&apos;: {problem} (using the default {value})</source>
        <translation>{path}: Schlüssel „{key}“: {problem} (Standardwert {value} wird verwendet)</translation>
    </message>
    <message>
        <source>{path}: key &apos;{key}&apos;: {problem} (using the last good value {value})</source>
        <translation>{path}: Schlüssel „{key}“: {problem} (letzter gültiger Wert {value} wird verwendet)</translation>
    </message>
    <message>
        <source>could not read run_days/run_time: {problem}</source>
        <translation>run_days/run_time konnten nicht gelesen werden: {problem}</translation>
    </message>
    <message>
        <source>{path}: keys {keys}: {problem} (using {values})</source>
        <translation>{path}: Schlüssel {keys}: {problem} (verwendet werden {values})</translation>
    </message>
    <message>
        <source>could not save settings to {path}: {problem}</source>
        <translation>Einstellungen konnten nicht in {path} gespeichert werden: {problem}</translation>
    </message>
    <message>
        <source>{path}: could not read it ({problem})</source>
        <translation>{path}: konnte nicht gelesen werden ({problem})</translation>
    </message>
    <message>
        <source>{path}: could not read it ({problem}); keeping the last good settings</source>
        <translation>{path}: konnte nicht gelesen werden ({problem}); die letzten gültigen Einstellungen bleiben</translation>
    </message>
    <message>
        <source>{path}: {problem}; keeping the last good settings</source>
        <translation>{path}: {problem}; die letzten gültigen Einstellungen bleiben</translation>
    </message>
    <message>
        <source>{path}: could not read it ({problem}), so deskbreak will not save over it</source>
        <translation>{path}: konnte nicht gelesen werden ({problem}), daher überschreibt deskbreak die Datei nicht</translation>
    </message>
    <message>
        <source>{path}: {problem}; deskbreak will not save over it: fix that line, or remove the file, and try again</source>
        <translation>{path}: {problem}; deskbreak überschreibt die Datei nicht: korrigiere diese Zeile oder entferne die Datei und versuche es noch einmal</translation>
    </message>
    <message>
        <source>{path}: {problem} with this run&apos;s command-line {overrides}; keeping the last good settings</source>
        <translation>{path}: {problem} zusammen mit {overrides} von der Kommandozeile dieses Starts; die letzten gültigen Einstellungen bleiben</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>no display found (DISPLAY and WAYLAND_DISPLAY are unset); start deskbreak from your desktop session</source>
        <extracomment>The desktop entry we ship (assets/desktop/deskbreak.desktop), without &quot;.desktop&quot;. On Wayland it is the window&apos;s app id: the compositor finds our icon and name through it. Qt&apos;s logging rules for messages that report nothing wrong with deskbreak. Qt 6 warns &quot;QWaylandTextInputv3::disableSurface ... Trying to disable ... but 0x0 is focused&quot; at each focus change under Mutter 43 (GNOME): the compositor has already taken the text-input focus away (its leave comes first) when Qt disables the window it left. Switching text input off instead would take input methods away from the settings dialog&apos;s text fields.</extracomment>
        <translation>kein Bildschirm gefunden (DISPLAY und WAYLAND_DISPLAY sind nicht gesetzt); starte deskbreak aus deiner Desktop-Sitzung</translation>
    </message>
    <message>
        <source>cannot reach the X display {display}</source>
        <translation>X-Display {display} nicht erreichbar</translation>
    </message>
    <message>
        <source>{problem}; moved it to {path} and started a new history</source>
        <translation>{problem}; nach {path} verschoben und einen neuen Verlauf begonnen</translation>
    </message>
    <message>
        <source>{problem}; history is off for this run</source>
        <translation>{problem}; der Verlauf ist bei diesem Start aus</translation>
    </message>
    <message>
        <source>deskbreak: cannot claim this profile: {problem}</source>
        <translation>deskbreak: kann dieses Profil nicht belegen: {problem}</translation>
    </message>
    <message>
        <source>the running deskbreak refused</source>
        <translation>das laufende deskbreak hat abgelehnt</translation>
    </message>
    <message>
        <source>Settings opened in the running deskbreak.</source>
        <translation>Einstellungen im laufenden deskbreak geöffnet.</translation>
    </message>
    <message>
        <source>deskbreak is already running; showing it.</source>
        <translation>deskbreak läuft schon; es wird angezeigt.</translation>
    </message>
    <message>
        <source>deskbreak: the command line&apos;s settings do not fit {path}: {problem}</source>
        <translation>deskbreak: Die Einstellungen der Kommandozeile passen nicht zu {path}: {problem}</translation>
    </message>
    <message>
        <source>{problem}; breaks left open by the last run stay open</source>
        <translation>{problem}; vom letzten Start offen gelassene Pausen bleiben offen</translation>
    </message>
    <message>
        <source>deskbreak started; some of its files need a look</source>
        <translation>deskbreak gestartet; einige seiner Dateien brauchen einen Blick</translation>
    </message>
</context>
<context>
    <name>stats</name>
    <message>
        <source>A day meets the goal when you take {goal} % of its sit-breaks: the prompted ones, those you started and your times away from the desk. Days without a prompted sit-break neither break nor extend the streak.</source>
        <translation>Ein Tag erreicht das Ziel, wenn du {goal} % seiner Sitzpausen machst: die angebotenen, die du selbst gestartet hast, und deine Zeiten weg vom Schreibtisch. Tage ohne angebotene Sitzpause unterbrechen die Serie nicht und verlängern sie nicht.</translation>
    </message>
    <message>
        <source>Minutes per muscle group count the time in exercises, also those left part way; an exercise counts for every muscle group it works.</source>
        <translation>Die Minuten pro Muskelgruppe zählen die Zeit in Übungen, auch in abgebrochenen; eine Übung zählt für jede Muskelgruppe, die sie trainiert.</translation>
    </message>
    <message>
        <source>Not stretched lately counts only exercises done to the end: a stretch left after a few seconds did not stretch.</source>
        <translation>„Länger nicht gedehnt“ zählt nur zu Ende gemachte Übungen: Eine nach wenigen Sekunden abgebrochene Dehnung hat nicht gedehnt.</translation>
    </message>
    <message>
        <source>{taken} of {chances}</source>
        <translation>{taken} von {chances}</translation>
    </message>
</context>
<context>
    <name>targets</name>
    <message>
        <source>Lower back</source>
        <translation>Unterer Rücken</translation>
    </message>
    <message>
        <source>Upper back</source>
        <translation>Oberer Rücken</translation>
    </message>
    <message>
        <source>Hip flexors</source>
        <translation>Hüftbeuger</translation>
    </message>
    <message>
        <source>Hamstrings</source>
        <translation>Hintere Oberschenkel</translation>
    </message>
    <message>
        <source>Glutes</source>
        <translation>Gesäß</translation>
    </message>
    <message>
        <source>Core</source>
        <translation>Rumpf</translation>
    </message>
    <message>
        <source>Shoulders</source>
        <translation>Schultern</translation>
    </message>
    <message>
        <source>Legs</source>
        <translation>Beine</translation>
    </message>
    <message>
        <source>Feet</source>
        <translation>Füße</translation>
    </message>
</context>
<context>
    <name>tray</name>
    <message>
        <source>Pause for 30 min</source>
        <translation>30 min pausieren</translation>
    </message>
    <message>
        <source>Pause for 1 h</source>
        <translation>1 h pausieren</translation>
    </message>
    <message>
        <source>Pause until tomorrow</source>
        <translation>Bis morgen pausieren</translation>
    </message>
    <message>
        <source>Postpone</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Show the break</source>
        <translation>Pause zeigen</translation>
    </message>
    <message>
        <source>Take a break now</source>
        <translation>Jetzt Pause machen</translation>
    </message>
    <message>
        <source>Run now: pre-run routine</source>
        <translation>Lauf steht an: Vorlauf-Routine</translation>
    </message>
    <message>
        <source>Start back-care routine</source>
        <translation>Rückenpflege-Routine starten</translation>
    </message>
    <message>
        <source>Postpone 5 min (no skips left today)</source>
        <translation>5 min verschieben (heute kein Überspringen mehr)</translation>
    </message>
    <message>
        <source>Skip this break</source>
        <translation>Diese Pause überspringen</translation>
    </message>
    <message>
        <source>Next break will be skipped</source>
        <translation>Nächste Pause wird übersprungen</translation>
    </message>
    <message>
        <source>Skip next break</source>
        <translation>Nächste Pause überspringen</translation>
    </message>
    <message>
        <source>No run today</source>
        <translation>Heute kein Lauf</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Settings...</source>
        <translation>Einstellungen …</translation>
    </message>
    <message>
        <source>History...</source>
        <translation>Verlauf …</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message numerus="yes">
        <source>{label} (%n left today)</source>
        <translation>
            <numerusform>{label} (heute noch %n Mal)</numerusform>
            <numerusform>{label} (heute noch %n Mal)</numerusform>
        </translation>
    </message>
    <message>
        <source>No system tray found: deskbreak lives in this window instead.</source>
        <extracomment>How long the tray host may be gone before the status window stands in for the icon: a shell that restarts is back within seconds, and a window flashing up meanwhile would only startle. The status window came on screen (see StatusWindow.shown). The window came on screen: its countdown reads to the second from now on.</extracomment>
        <translation>Kein Systembereich gefunden: deskbreak lebt stattdessen in diesem Fenster.</translation>
    </message>
</context>
<context>
    <name>user_exercises</name>
    <message>
        <source>must be a table: [[exercise]] with id, name, pose, targets, steps and hold or reps</source>
        <translation>muss eine Tabelle sein: [[exercise]] mit id, name, pose, targets, steps und hold oder reps</translation>
    </message>
    <message>
        <source>key &apos;{key}&apos;: {problem}</source>
        <translation>Schlüssel „{key}“: {problem}</translation>
    </message>
    <message>
        <source>unknown key{suggestion}; an exercise has {keys}</source>
        <translation>unbekannter Schlüssel{suggestion}; eine Übung hat {keys}</translation>
    </message>
    <message numerus="yes">
        <source>(and %n other unknown keys)</source>
        <translation>
            <numerusform>(und %n weiterer unbekannter Schlüssel)</numerusform>
            <numerusform>(und %n weitere unbekannte Schlüssel)</numerusform>
        </translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>must be true or false, not {value}</source>
        <translation>muss true oder false sein, nicht {value}</translation>
    </message>
    <message>
        <source>must be lower-case letters, digits and single &apos;-&apos; (like wall-calf-stretch), at most {count} characters, not {value}</source>
        <translation>muss aus Kleinbuchstaben, Ziffern und einzelnen „-“ bestehen (wie wall-calf-stretch), höchstens {count} Zeichen, nicht {value}</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; is already one of your exercises</source>
        <translation>„{id}“ ist schon eine deiner Übungen</translation>
    </message>
    <message>
        <source>&apos;{id}&apos; is the catalog&apos;s exercise &quot;{name}&quot;; choose another id</source>
        <translation>„{id}“ ist die Katalogübung „{name}“; wähl eine andere Kennung</translation>
    </message>
    <message>
        <source>must be non-empty text, not {value}</source>
        <translation>muss ein nicht leerer Text sein, nicht {value}</translation>
    </message>
    <message>
        <source>is longer than {count} characters</source>
        <translation>ist länger als {count} Zeichen</translation>
    </message>
    <message>
        <source>unknown figure {value}{suggestion}; pose names a catalog exercise whose figure is shown</source>
        <translation>unbekannte Figur {value}{suggestion}; pose nennt eine Katalogübung, deren Figur gezeigt wird</translation>
    </message>
    <message>
        <source>must be a list of one or more of {targets}, not {value}</source>
        <translation>muss eine Liste aus einem oder mehreren von {targets} sein, nicht {value}</translation>
    </message>
    <message>
        <source>unknown muscle group &apos;{target}&apos;{suggestion}; choose from {targets}</source>
        <translation>unbekannte Muskelgruppe „{target}“{suggestion}; wähl aus {targets}</translation>
    </message>
    <message>
        <source>names a muscle group twice</source>
        <translation>nennt eine Muskelgruppe zweimal</translation>
    </message>
    <message>
        <source>must be a list of one or more steps, not {value}</source>
        <translation>muss eine Liste aus einem oder mehreren Schritten sein, nicht {value}</translation>
    </message>
    <message>
        <source>has more than {count} steps</source>
        <translation>hat mehr als {count} Schritte</translation>
    </message>
    <message>
        <source>step {number} {problem}</source>
        <translation>Schritt {number} {problem}</translation>
    </message>
    <message>
        <source>give hold or reps, not both</source>
        <translation>gib hold oder reps an, nicht beides</translation>
    </message>
    <message>
        <source>is missing: give hold = &quot;30s&quot;, or reps = 10</source>
        <translation>fehlt: gib hold = &quot;30s&quot; oder reps = 10 an</translation>
    </message>
    <message>
        <source>must be a whole number from {low} to {high}, not {value}</source>
        <translation>muss eine ganze Zahl von {low} bis {high} sein, nicht {value}</translation>
    </message>
    <message>
        <source>goes with reps: the pause at the top of each rep</source>
        <translation>gehört zu reps: die Pause am Höhepunkt jeder Wiederholung</translation>
    </message>
    <message>
        <source>must be a duration like &quot;30s&quot; or &quot;1m30s&quot;, not {value}</source>
        <translation>muss eine Dauer wie &quot;30s&quot; oder &quot;1m30s&quot; sein, nicht {value}</translation>
    </message>
    <message>
        <source>must be from {low} to {high} seconds, not {value}</source>
        <translation>muss zwischen {low} und {high} Sekunden liegen, nicht {value}</translation>
    </message>
    <message>
        <source>{path}: could not read your exercises ({problem}); they are left out for now</source>
        <translation>{path}: deine Übungen konnten nicht gelesen werden ({problem}); sie fehlen vorerst</translation>
    </message>
    <message>
        <source>{path}: {problem}; your exercises are left out and the file is left as it is for you to fix</source>
        <translation>{path}: {problem}; deine Übungen fehlen, und die Datei bleibt unverändert, damit du sie korrigieren kannst</translation>
    </message>
    <message>
        <source>{path}: unknown key &apos;{key}&apos; (kept in the file, ignored); the file holds [[exercise]] tables</source>
        <translation>{path}: unbekannter Schlüssel „{key}“ (bleibt in der Datei, wird ignoriert); die Datei enthält [[exercise]]-Tabellen</translation>
    </message>
    <message>
        <source>{path}: more than {count} exercises; the ones after that are left out</source>
        <translation>{path}: mehr als {count} Übungen; die weiteren fehlen</translation>
    </message>
    <message>
        <source>{path}: exercise {exercise}: {problems}; this exercise is left out</source>
        <translation>{path}: Übung {exercise}: {problems}; diese Übung fehlt</translation>
    </message>
    <message numerus="yes">
        <source>{path}: and %n more problems</source>
        <translation>
            <numerusform>{path}: und %n weiteres Problem</numerusform>
            <numerusform>{path}: und %n weitere Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>{file} already has an exercise &apos;{id}&apos; (left out: {problem}); fix or rename it there</source>
        <translation>{file} hat schon eine Übung „{id}“ (ausgelassen: {problem}); korrigier oder benenne sie dort um</translation>
    </message>
    <message>
        <source>{path}: &apos;exercise&apos; must be written as [[exercise]] tables</source>
        <translation>{path}: „exercise“ muss als [[exercise]]-Tabellen geschrieben sein</translation>
    </message>
    <message>
        <source>it already holds {count} exercises, the most deskbreak keeps; remove one there first</source>
        <translation>sie enthält schon {count} Übungen, mehr speichert deskbreak nicht; entferne dort zuerst eine</translation>
    </message>
    <message>
        <source>{path}: exercise {exercise}: {problems}; not imported</source>
        <translation>{path}: Übung {exercise}: {problems}; nicht importiert</translation>
    </message>
    <message>
        <source>{problem}; fix or remove the file first, it is not overwritten</source>
        <translation>{problem}; korrigiere oder entferne die Datei zuerst, sie wird nicht überschrieben</translation>
    </message>
    <message>
        <source>&apos;exercise&apos; is not written as [[exercise]] tables; fix it first, it is not overwritten</source>
        <translation>„exercise“ ist nicht als [[exercise]]-Tabellen geschrieben; korrigier das zuerst, die Datei wird nicht überschrieben</translation>
    </message>
    <message>
        <source>&apos;exercise&apos; is written as one array (exercise = [...]); write each exercise as its own [[exercise]] table, then save again</source>
        <translation>„exercise“ ist als ein Array geschrieben (exercise = [...]); schreib jede Übung als eigene [[exercise]]-Tabelle und speichere dann erneut</translation>
    </message>
    <message>
        <source>it could not be changed without changing other lines; nothing was saved</source>
        <translation>sie ließ sich nicht ändern, ohne andere Zeilen zu ändern; nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>could not save your exercises to {path}: {problem}</source>
        <translation>deine Übungen konnten nicht in {path} gespeichert werden: {problem}</translation>
    </message>
    <message>
        <source>could not read your exercises in {path}: {problem}</source>
        <translation>deine Übungen in {path} konnten nicht gelesen werden: {problem}</translation>
    </message>
    <message>
        <source>this deskbreak keeps no exercises of your own</source>
        <translation>dieses deskbreak speichert keine eigenen Übungen</translation>
    </message>
    <message>
        <source>{path}: exercise not added: {problems}</source>
        <translation>{path}: Übung nicht hinzugefügt: {problems}</translation>
    </message>
</context>
<context>
    <name>welcome</name>
    <message>
        <source>deskbreak guides you through stretches from two articles on lower-back pain in runners and desk workers. It is general information, not medical advice.</source>
        <translation>deskbreak leitet dich durch Dehnübungen aus zwei Artikeln über Schmerzen im unteren Rücken bei Läufern und Menschen, die viel am Schreibtisch sitzen. Das sind allgemeine Informationen, keine medizinische Beratung.</translation>
    </message>
    <message>
        <source>deskbreak: Before you start</source>
        <translation>deskbreak: Bevor du loslegst</translation>
    </message>
    <message>
        <source>From {sources}</source>
        <translation>Aus {sources}</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>Verstanden</translation>
    </message>
</context>
</TS>
