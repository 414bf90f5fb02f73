// The volunteer time clock's services, built and wired together in one place for MusterServer
// and the method table.
#pragma once

#include "attendeelogservice.h"
#include "bonusservice.h"
#include "correctionservice.h"
#include "dayboundaryservice.h"
#include "eventservice.h"
#include "kioskservice.h"
#include "kiosksigninservice.h"
#include "notificationservice.h"
#include "reports/reportservice.h"
#include "rewardservice.h"
#include "telegram/telegrambot.h"
#include "telegram/telegramservice.h"
#include "timeclockservice.h"

namespace Muster {

class PasswordHasher;
class PresenceService;

struct Timeclock
{
    Timeclock(Database &db, PasswordHasher &hasher, PushHub &hub, PushRelay &relay,
        PresenceService &presence)
        : events(db, relay)
        , kiosks(db, hub, relay)
        , kioskSignIn(db, hasher, hub)
        , notifications(db, relay)
        , entries(db, relay, presence, notifications)
        , bonuses(db, relay, notifications)
        , rewards(db, relay, notifications)
        , dayBoundary(db, entries, notifications)
        , corrections(db, relay, entries, notifications)
        , attendeeLogs(db, relay)
        , reports(db)
        , telegram(db, relay, kioskSignIn)
        , telegramLinks(db, telegram)
    {
        QObject::connect(
            &notifications, &NotificationService::delivered, &telegram, &TelegramBot::notify);
    }

    EventService events;
    KioskService kiosks;
    KioskSignInService kioskSignIn;
    NotificationService notifications;
    TimeclockService entries;
    BonusService bonuses;
    RewardService rewards;
    DayBoundaryService dayBoundary;
    CorrectionService corrections;
    AttendeeLogService attendeeLogs;
    ReportService reports;
    TelegramBot telegram; // the chat bot: off without a token
    TelegramService telegramLinks; // telegram.* for My time
};

} // namespace Muster
