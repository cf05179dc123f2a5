#include "corpus/extract/outlet_table.h"

#include <cstdint>
#include <fstream>
#include <iterator>
#include <utility>

#include "corpus/extract/line_text.h"

namespace news::corpus {
namespace {

struct OutletEntry {
  std::string_view host;  // lower case, without "www."
  std::string_view name;
};

// Hosts of common outlets, including every news host of the shared corpora
// (wikinewssum-sources, trafilatura-eval, fakenewscorpus-sample,
// ru-news-samples). A parent domain covers its subdomains; a subdomain has
// its own entry only where it is another publication.
constexpr OutletEntry kBuiltInOutlets[] = {
    // International and English-language news
    {"bbc.co.uk", "BBC"},
    {"bbc.com", "BBC"},
    {"reuters.com", "Reuters"},
    {"reuters.co.uk", "Reuters"},
    {"apnews.com", "Associated Press"},
    {"ap.org", "Associated Press"},
    {"afp.com", "AFP"},
    {"nytimes.com", "The New York Times"},
    {"washingtonpost.com", "The Washington Post"},
    {"wsj.com", "The Wall Street Journal"},
    {"usatoday.com", "USA Today"},
    {"latimes.com", "Los Angeles Times"},
    {"chicagotribune.com", "Chicago Tribune"},
    {"bostonglobe.com", "The Boston Globe"},
    {"boston.com", "Boston.com"},
    {"sfgate.com", "San Francisco Chronicle"},
    {"sfchronicle.com", "San Francisco Chronicle"},
    {"seattletimes.com", "The Seattle Times"},
    {"seattlepi.com", "Seattle Post-Intelligencer"},
    {"seattlepi.nwsource.com", "Seattle Post-Intelligencer"},
    {"miamiherald.com", "Miami Herald"},
    {"miami.com", "Miami Herald"},
    {"freep.com", "Detroit Free Press"},
    {"kansascity.com", "The Kansas City Star"},
    {"signonsandiego.com", "The San Diego Union-Tribune"},
    {"sltrib.com", "The Salt Lake Tribune"},
    {"floridatoday.com", "Florida Today"},
    {"theledger.com", "The Ledger"},
    {"lsj.com", "Lansing State Journal"},
    {"sfexaminer.com", "San Francisco Examiner"},
    {"washingtontimes.com", "The Washington Times"},
    {"washingtonexaminer.com", "Washington Examiner"},
    {"nypost.com", "New York Post"},
    {"nydailynews.com", "New York Daily News"},
    {"newsday.com", "Newsday"},
    {"bostonherald.com", "Boston Herald"},
    {"twincities.com", "Pioneer Press"},
    {"phillyvoice.com", "PhillyVoice"},
    {"cnn.com", "CNN"},
    {"sportsillustrated.cnn.com", "Sports Illustrated"},
    {"si.com", "Sports Illustrated"},
    {"money.cnn.com", "CNN Money"},
    {"foxnews.com", "Fox News"},
    {"nbcnews.com", "NBC News"},
    {"msnbc.com", "MSNBC"},
    {"msnbc.msn.com", "MSNBC"},
    {"cbsnews.com", "CBS News"},
    {"abcnews.go.com", "ABC News"},
    {"abcnews.com", "ABC News"},
    {"abc13.com", "ABC13 Houston"},
    {"abc7news.com", "ABC7 News"},
    {"npr.org", "NPR"},
    {"pbs.org", "PBS"},
    {"voanews.com", "Voice of America"},
    {"rferl.org", "Radio Free Europe/Radio Liberty"},
    {"upi.com", "UPI"},
    {"bloomberg.com", "Bloomberg"},
    {"forbes.com", "Forbes"},
    {"fortune.com", "Fortune"},
    {"businessinsider.com", "Business Insider"},
    {"cnbc.com", "CNBC"},
    {"marketwatch.com", "MarketWatch"},
    {"economist.com", "The Economist"},
    {"ft.com", "Financial Times"},
    {"time.com", "Time"},
    {"newsweek.com", "Newsweek"},
    {"theatlantic.com", "The Atlantic"},
    {"newyorker.com", "The New Yorker"},
    {"newrepublic.com", "The New Republic"},
    {"harpers.org", "Harper's Magazine"},
    {"thenation.com", "The Nation"},
    {"motherjones.com", "Mother Jones"},
    {"slate.com", "Slate"},
    {"salon.com", "Salon"},
    {"vox.com", "Vox"},
    {"axios.com", "Axios"},
    {"politico.com", "Politico"},
    {"politico.eu", "Politico Europe"},
    {"thehill.com", "The Hill"},
    {"huffpost.com", "HuffPost"},
    {"huffingtonpost.com", "HuffPost"},
    {"buzzfeed.com", "BuzzFeed"},
    {"buzzfeednews.com", "BuzzFeed News"},
    {"vice.com", "Vice"},
    {"thedailybeast.com", "The Daily Beast"},
    {"theintercept.com", "The Intercept"},
    {"propublica.org", "ProPublica"},
    {"csmonitor.com", "The Christian Science Monitor"},
    {"fivethirtyeight.com", "FiveThirtyEight"},
    {"observer.com", "Observer"},
    {"pagesix.com", "Page Six"},
    {"laweekly.com", "LA Weekly"},
    {"villagevoice.com", "The Village Voice"},
    {"metrotimes.com", "Detroit Metro Times"},
    {"citylimits.org", "City Limits"},
    {"californiaglobe.com", "California Globe"},
    {"roughdraftatlanta.com", "Rough Draft Atlanta"},
    {"miamitodaynews.com", "Miami Today"},
    {"wsvn.com", "WSVN 7News"},
    {"komotv.com", "KOMO News"},
    {"govexec.com", "Government Executive"},
    {"rollingstone.com", "Rolling Stone"},
    {"wired.com", "Wired"},
    {"theverge.com", "The Verge"},
    {"techcrunch.com", "TechCrunch"},
    {"arstechnica.com", "Ars Technica"},
    {"cnet.com", "CNET"},
    {"zdnet.com", "ZDNet"},
    {"engadget.com", "Engadget"},
    {"pcworld.com", "PCWorld"},
    {"pcmag.com", "PCMag"},
    {"infoworld.com", "InfoWorld"},
    {"informationweek.com", "InformationWeek"},
    {"internetnews.com", "InternetNews"},
    {"techweb.com", "TechWeb"},
    {"lightreading.com", "Light Reading"},
    {"threatpost.com", "Threatpost"},
    {"tomshardware.com", "Tom's Hardware"},
    {"pcgamer.com", "PC Gamer"},
    {"slashdot.org", "Slashdot"},
    {"groklaw.net", "Groklaw"},
    {"p2pnet.net", "p2pnet"},
    {"physorg.com", "Phys.org"},
    {"phys.org", "Phys.org"},
    {"nature.com", "Nature"},
    {"sciencemag.org", "Science"},
    {"science.org", "Science"},
    {"newscientist.com", "New Scientist"},
    {"scientificamerican.com", "Scientific American"},
    {"nationalgeographic.com", "National Geographic"},
    {"nationalgeographic.co.uk", "National Geographic"},
    {"spaceflightnow.com", "Spaceflight Now"},
    {"spacedaily.com", "Space Daily"},
    {"space.com", "Space.com"},
    {"scidev.net", "SciDev.Net"},
    {"redorbit.com", "redOrbit"},
    {"medicalnewstoday.com", "Medical News Today"},
    {"healthline.com", "Healthline"},
    {"yahoo.com", "Yahoo"},
    {"news.yahoo.com", "Yahoo News"},
    {"br.news.yahoo.com", "Yahoo! Notícias"},
    {"msn.com", "MSN"},
    {"ipsnews.net", "Inter Press Service"},
    {"alertnet.org", "AlertNet"},
    {"grist.org", "Grist"},
    {"freepress.org", "Free Press"},
    {"pacifica.org", "Pacifica Radio"},
    {"indymedia.org", "Indymedia"},
    // United Kingdom and Ireland
    {"theguardian.com", "The Guardian"},
    {"guardian.co.uk", "The Guardian"},
    {"telegraph.co.uk", "The Daily Telegraph"},
    {"independent.co.uk", "The Independent"},
    {"thetimes.co.uk", "The Times"},
    {"dailymail.co.uk", "Daily Mail"},
    {"mirror.co.uk", "Daily Mirror"},
    {"express.co.uk", "Daily Express"},
    {"thesun.co.uk", "The Sun"},
    {"standard.co.uk", "Evening Standard"},
    {"metro.co.uk", "Metro"},
    {"scotsman.com", "The Scotsman"},
    {"heraldscotland.com", "The Herald"},
    {"belfasttelegraph.co.uk", "Belfast Telegraph"},
    {"news.sky.com", "Sky News"},
    {"sky.com", "Sky News"},
    {"itv.com", "ITV News"},
    {"channel4.com", "Channel 4 News"},
    {"spectator.co.uk", "The Spectator"},
    {"newstatesman.com", "New Statesman"},
    {"silicon.com", "silicon.com"},
    {"webuser.co.uk", "Web User"},
    {"irishtimes.com", "The Irish Times"},
    {"independent.ie", "Irish Independent"},
    {"rte.ie", "RTÉ"},
    {"iol.ie", "Ireland Online"},
    {"breakingnews.ie", "BreakingNews.ie"},
    {"corkbeo.ie", "CorkBeo"},
    // Australia, New Zealand, Asia, Africa, Middle East, Americas
    {"abc.net.au", "ABC News (Australia)"},
    {"smh.com.au", "The Sydney Morning Herald"},
    {"theage.com.au", "The Age"},
    {"theaustralian.com.au", "The Australian"},
    {"theaustralian.news.com.au", "The Australian"},
    {"news.com.au", "news.com.au"},
    {"dailytelegraph.com.au", "The Daily Telegraph (Sydney)"},
    {"nzherald.co.nz", "The New Zealand Herald"},
    {"stuff.co.nz", "Stuff"},
    {"news.vu", "Vanuatu Daily Post"},
    {"japantimes.co.jp", "The Japan Times"},
    {"japantimes.com", "The Japan Times"},
    {"asahi.com", "The Asahi Shimbun"},
    {"nhk.or.jp", "NHK"},
    {"kyodonews.net", "Kyodo News"},
    {"scmp.com", "South China Morning Post"},
    {"chinadaily.com.cn", "China Daily"},
    {"xinhuanet.com", "Xinhua"},
    {"news.cn", "Xinhua"},
    {"globaltimes.cn", "Global Times"},
    {"cgtn.com", "CGTN"},
    {"people.com.cn", "People's Daily"},
    {"banyuetan.org", "Banyuetan"},
    {"taipeitimes.com", "Taipei Times"},
    {"koreaherald.com", "The Korea Herald"},
    {"koreatimes.co.kr", "The Korea Times"},
    {"world.kbs.co.kr", "KBS World"},
    {"yna.co.kr", "Yonhap"},
    {"straitstimes.com", "The Straits Times"},
    {"atimes.com", "Asia Times"},
    {"thehindu.com", "The Hindu"},
    {"thehindubusinessline.com", "The Hindu BusinessLine"},
    {"indianexpress.com", "The Indian Express"},
    {"timesofindia.indiatimes.com", "The Times of India"},
    {"economictimes.indiatimes.com", "The Economic Times"},
    {"hindustantimes.com", "Hindustan Times"},
    {"ndtv.com", "NDTV"},
    {"dawn.com", "Dawn"},
    {"aljazeera.com", "Al Jazeera"},
    {"aljazeera.net", "Al Jazeera"},
    {"alarabiya.net", "Al Arabiya"},
    {"timesofisrael.com", "The Times of Israel"},
    {"haaretz.com", "Haaretz"},
    {"jpost.com", "The Jerusalem Post"},
    {"ynetnews.com", "Ynetnews"},
    {"presstv.ir", "Press TV"},
    {"presstv.com", "Press TV"},
    {"tasnimnews.com", "Tasnim News Agency"},
    {"farsnews.ir", "Fars News Agency"},
    {"irna.ir", "IRNA"},
    {"almanar.com.lb", "Al-Manar"},
    {"trtworld.com", "TRT World"},
    {"aa.com.tr", "Anadolu Agency"},
    {"dailysabah.com", "Daily Sabah"},
    {"hurriyetdailynews.com", "Hürriyet Daily News"},
    {"assabah.com.tn", "Assabah"},
    {"lapresse.tn", "La Presse de Tunisie"},
    {"news24.com", "News24"},
    {"iol.co.za", "IOL"},
    {"mg.co.za", "Mail & Guardian"},
    {"kaieteurnewsonline.com", "Kaieteur News"},
    {"caymancompass.com", "Cayman Compass"},
    {"theglobeandmail.com", "The Globe and Mail"},
    {"thestar.com", "Toronto Star"},
    {"nationalpost.com", "National Post"},
    {"cbc.ca", "CBC News"},
    {"vancouversun.com", "Vancouver Sun"},
    {"ledevoir.com", "Le Devoir"},
    {"lapresse.ca", "La Presse"},
    // Germany, Austria, Switzerland
    {"spiegel.de", "Der Spiegel"},
    {"zeit.de", "Die Zeit"},
    {"sueddeutsche.de", "Süddeutsche Zeitung"},
    {"faz.net", "Frankfurter Allgemeine Zeitung"},
    {"welt.de", "Die Welt"},
    {"bild.de", "Bild"},
    {"focus.de", "Focus"},
    {"stern.de", "Stern"},
    {"handelsblatt.com", "Handelsblatt"},
    {"tagesspiegel.de", "Der Tagesspiegel"},
    {"taz.de", "taz"},
    {"fr.de", "Frankfurter Rundschau"},
    {"freitag.de", "Der Freitag"},
    {"cicero.de", "Cicero"},
    {"tagesschau.de", "tagesschau.de"},
    {"deutschlandfunk.de", "Deutschlandfunk"},
    {"dw.com", "Deutsche Welle"},
    {"ndr.de", "NDR"},
    {"mdr.de", "MDR"},
    {"swr.de", "SWR"},
    {"wdr.de", "WDR"},
    {"hessenschau.de", "hessenschau.de"},
    {"br.de", "Bayerischer Rundfunk"},
    {"zdf.de", "ZDF"},
    {"ardmediathek.de", "ARD Mediathek"},
    {"n-tv.de", "n-tv"},
    {"heise.de", "heise online"},
    {"golem.de", "Golem.de"},
    {"netzpolitik.org", "netzpolitik.org"},
    {"mopo.de", "Hamburger Morgenpost"},
    {"express.de", "Express"},
    {"rundschau-online.de", "Kölnische Rundschau"},
    {"badische-zeitung.de", "Badische Zeitung"},
    {"rnz.de", "Rhein-Neckar-Zeitung"},
    {"mz-web.de", "Mitteldeutsche Zeitung"},
    {"ln-online.de", "Lübecker Nachrichten"},
    {"tag24.de", "TAG24"},
    {"neues-deutschland.de", "neues deutschland"},
    {"nd-aktuell.de", "neues deutschland"},
    {"jungefreiheit.de", "Junge Freiheit"},
    {"jungle.world", "Jungle World"},
    {"achgut.com", "Achse des Guten"},
    {"tichyseinblick.de", "Tichys Einblick"},
    {"journalistenwatch.com", "Journalistenwatch"},
    {"reitschuster.de", "reitschuster.de"},
    {"deutsche-wirtschafts-nachrichten.de", "Deutsche Wirtschafts-Nachrichten"},
    {"apolut.net", "apolut"},
    {"uncutnews.ch", "Uncut News"},
    {"unzensuriert.at", "Unzensuriert"},
    {"derstandard.at", "Der Standard"},
    {"diepresse.com", "Die Presse"},
    {"orf.at", "ORF"},
    {"kurier.at", "Kurier"},
    {"krone.at", "Kronen Zeitung"},
    {"nachrichten.at", "Oberösterreichische Nachrichten"},
    {"oe24.at", "oe24"},
    {"futurezone.at", "futurezone"},
    {"nzz.ch", "Neue Zürcher Zeitung"},
    {"tagesanzeiger.ch", "Tages-Anzeiger"},
    {"watson.ch", "watson"},
    {"tdg.ch", "Tribune de Genève"},
    {"srf.ch", "SRF"},
    {"swissinfo.ch", "swissinfo.ch"},
    {"infosperber.ch", "Infosperber"},
    {"tageswoche.ch", "TagesWoche"},
    {"telebasel.ch", "Telebasel"},
    // France, Belgium
    {"lemonde.fr", "Le Monde"},
    {"lefigaro.fr", "Le Figaro"},
    {"liberation.fr", "Libération"},
    {"leparisien.fr", "Le Parisien"},
    {"lesechos.fr", "Les Échos"},
    {"lopinion.fr", "L'Opinion"},
    {"lexpress.fr", "L'Express"},
    {"lepoint.fr", "Le Point"},
    {"nouvelobs.com", "L'Obs"},
    {"mediapart.fr", "Mediapart"},
    {"france24.com", "France 24"},
    {"francetvinfo.fr", "franceinfo"},
    {"franceculture.fr", "France Culture"},
    {"rfi.fr", "RFI"},
    {"bfmtv.com", "BFM TV"},
    {"20minutes.fr", "20 Minutes"},
    {"ouest-france.fr", "Ouest-France"},
    {"humanite.fr", "L'Humanité"},
    {"regards.fr", "Regards"},
    {"monde-diplomatique.fr", "Le Monde diplomatique"},
    {"mondediplo.net", "Le Monde diplomatique"},
    {"legrandcontinent.eu", "Le Grand Continent"},
    {"sciencesetavenir.fr", "Sciences et Avenir"},
    {"gala.fr", "Gala"},
    {"lesoir.be", "Le Soir"},
    {"rtbf.be", "RTBF"},
    // Spain, Portugal, Latin America
    {"elpais.com", "El País"},
    {"elmundo.es", "El Mundo"},
    {"abc.es", "ABC (España)"},
    {"lavanguardia.com", "La Vanguardia"},
    {"elconfidencial.com", "El Confidencial"},
    {"eldiario.es", "elDiario.es"},
    {"rtve.es", "RTVE"},
    {"publico.es", "Público (España)"},
    {"publico.pt", "Público"},
    {"ultimahora.publico.pt", "Público"},
    {"dn.pt", "Diário de Notícias"},
    {"expresso.pt", "Expresso"},
    {"observador.pt", "Observador"},
    {"rtp.pt", "RTP"},
    {"folha.uol.com.br", "Folha de S.Paulo"},
    {"uol.com.br", "UOL"},
    {"estadao.com.br", "O Estado de S. Paulo"},
    {"globo.com", "Globo"},
    {"oglobo.globo.com", "O Globo"},
    {"g1.globo.com", "G1"},
    {"revistaepoca.globo.com", "Época"},
    {"correiobraziliense.com.br", "Correio Braziliense"},
    {"correio24horas.com.br", "Correio"},
    {"gazetadopovo.com.br", "Gazeta do Povo"},
    {"brasil247.com", "Brasil 247"},
    {"campograndenews.com.br", "Campo Grande News"},
    {"clarin.com", "Clarín"},
    {"lanacion.com.ar", "La Nación"},
    {"pagina12.com.ar", "Página/12"},
    {"ambito.com", "Ámbito"},
    {"losandes.com.ar", "Los Andes"},
    {"elmostrador.cl", "El Mostrador"},
    {"biobiochile.cl", "BioBioChile"},
    {"cooperativa.cl", "Cooperativa"},
    {"latercera.com", "La Tercera"},
    {"lacuarta.com", "La Cuarta"},
    {"publimetro.cl", "Publimetro"},
    {"24horas.cl", "24 Horas"},
    {"elcomercio.pe", "El Comercio"},
    {"larepublica.pe", "La República"},
    {"trome.pe", "Trome"},
    {"libero.pe", "Líbero"},
    {"elespectador.com", "El Espectador"},
    {"eltiempo.com", "El Tiempo"},
    {"elcolombiano.com", "El Colombiano"},
    {"minuto30.com", "Minuto30"},
    {"eluniversal.com", "El Universal"},
    {"eldeber.com.bo", "El Deber"},
    {"lostiempos.com", "Los Tiempos"},
    {"paginasiete.bo", "Página Siete"},
    {"ladiaria.com.uy", "la diaria"},
    {"ultimahora.com", "Última Hora"},
    {"telesurtv.net", "teleSUR"},
    // Italy, Netherlands, Nordics, Poland, other Europe
    {"corriere.it", "Corriere della Sera"},
    {"repubblica.it", "la Repubblica"},
    {"lastampa.it", "La Stampa"},
    {"ansa.it", "ANSA"},
    {"ilfattoquotidiano.it", "Il Fatto Quotidiano"},
    {"nos.nl", "NOS"},
    {"nu.nl", "NU.nl"},
    {"volkskrant.nl", "de Volkskrant"},
    {"nrc.nl", "NRC"},
    {"telegraaf.nl", "De Telegraaf"},
    {"dn.se", "Dagens Nyheter"},
    {"svd.se", "Svenska Dagbladet"},
    {"aftonbladet.se", "Aftonbladet"},
    {"expressen.se", "Expressen"},
    {"svt.se", "SVT"},
    {"thelocal.se", "The Local Sweden"},
    {"nrk.no", "NRK"},
    {"vg.no", "VG"},
    {"aftenposten.no", "Aftenposten"},
    {"dagbladet.no", "Dagbladet"},
    {"dr.dk", "DR"},
    {"politiken.dk", "Politiken"},
    {"yle.fi", "Yle"},
    {"hs.fi", "Helsingin Sanomat"},
    {"polityka.pl", "Polityka"},
    {"rp.pl", "Rzeczpospolita"},
    {"wyborcza.pl", "Gazeta Wyborcza"},
    {"gazeta.pl", "Gazeta.pl"},
    {"wpolityce.pl", "wPolityce"},
    {"dorzeczy.pl", "Do Rzeczy"},
    {"tvn24.pl", "TVN24"},
    {"radio.cz", "Radio Prague International"},
    {"euronews.com", "Euronews"},
    {"euobserver.com", "EUobserver"},
    {"euractiv.com", "EURACTIV"},
    {"kyivindependent.com", "The Kyiv Independent"},
    {"kyivpost.com", "Kyiv Post"},
    {"pravda.com.ua", "Ukrainska Pravda"},
    {"unian.net", "UNIAN"},
    {"ukrinform.net", "Ukrinform"},
    {"newsru.ua", "NEWSru.ua"},
    {"from-ua.com", "From-UA"},
    {"from-ua.com.ua", "From-UA"},
    {"charter97.org", "Charter 97"},
    {"belaruspartisan.org", "Belarusian Partisan"},
    {"belta.by", "BelTA"},
    {"haqqin.az", "Haqqin.az"},
    {"civil.ge", "Civil Georgia"},
    // Russia: state, independent and regional
    {"rt.com", "RT"},
    {"russian.rt.com", "RT"},
    {"ria.ru", "RIA Novosti"},
    {"rian.ru", "RIA Novosti"},
    {"tass.ru", "TASS"},
    {"tass.com", "TASS"},
    {"itar-tass.com", "TASS"},
    {"sputniknews.com", "Sputnik"},
    {"sputniknews.ru", "Sputnik"},
    {"sputnik.by", "Sputnik"},
    {"ruvr.ru", "Voice of Russia"},
    {"rbth.com", "Russia Beyond"},
    {"ruptly.tv", "Ruptly"},
    {"1tv.ru", "Channel One Russia"},
    {"1tv.com", "Channel One Russia"},
    {"vesti.ru", "Vesti"},
    {"ntv.ru", "NTV"},
    {"ren.tv", "REN TV"},
    {"tvzvezda.ru", "Zvezda"},
    {"rg.ru", "Rossiyskaya Gazeta"},
    {"iz.ru", "Izvestia"},
    {"kp.ru", "Komsomolskaya Pravda"},
    {"mk.ru", "Moskovsky Komsomolets"},
    {"aif.ru", "Argumenty i Fakty"},
    {"lenta.ru", "Lenta.ru"},
    {"gazeta.ru", "Gazeta.ru"},
    {"interfax.ru", "Interfax"},
    {"interfax.com", "Interfax"},
    {"sport-interfax.ru", "Interfax"},
    {"rbc.ru", "RBC"},
    {"kommersant.ru", "Kommersant"},
    {"vedomosti.ru", "Vedomosti"},
    {"fontanka.ru", "Fontanka.ru"},
    {"regnum.ru", "Regnum"},
    {"newsru.com", "NEWSru.com"},
    {"svpressa.ru", "Svobodnaya Pressa"},
    {"vz.ru", "Vzglyad"},
    {"pravda.ru", "Pravda.ru"},
    {"pravdareport.com", "Pravda.ru"},
    {"ura.news", "URA.RU"},
    {"ura.ru", "URA.RU"},
    {"cnews.ru", "CNews"},
    {"nplus1.ru", "N+1"},
    {"arzamas.academy", "Arzamas"},
    {"101.ru", "101.ru"},
    {"bigpicture.ru", "BigPicture.ru"},
    {"buro247.ru", "Buro 24/7"},
    {"novosti-n.org", "Novosti-N"},
    {"e-news.su", "E-News"},
    {"anna-news.info", "ANNA News"},
    {"news-front.info", "News Front"},
    {"news-front.su", "News Front"},
    {"katehon.com", "Katehon"},
    {"katehon.org", "Katehon"},
    {"tsargrad.tv", "Tsargrad"},
    {"riafan.ru", "Federal News Agency"},
    {"ukraina.ru", "Ukraina.ru"},
    {"rusvesna.su", "Russkaya Vesna"},
    {"novorossia.today", "Novorossia Today"},
    {"fort-russ.com", "Fort Russ"},
    {"russia-insider.com", "Russia Insider"},
    {"russia-direct.org", "Russia Direct"},
    {"theduran.com", "The Duran"},
    {"orientalreview.org", "Oriental Review"},
    {"journal-neo.org", "New Eastern Outlook"},
    {"strategic-culture.org", "Strategic Culture Foundation"},
    {"southfront.org", "SouthFront"},
    {"southfront.press", "SouthFront"},
    {"meduza.io", "Meduza"},
    {"novayagazeta.ru", "Novaya Gazeta"},
    {"novayagazeta.eu", "Novaya Gazeta Europe"},
    {"tvrain.ru", "TV Rain"},
    {"tvrain.tv", "TV Rain"},
    {"echo.msk.ru", "Echo of Moscow"},
    {"theins.ru", "The Insider"},
    {"theins.press", "The Insider"},
    {"zona.media", "Mediazona"},
    {"svoboda.org", "Radio Svoboda"},
    {"currenttime.tv", "Current Time"},
    {"themoscowtimes.com", "The Moscow Times"},
    {"bellingcat.com", "Bellingcat"},
    {"euvsdisinfo.eu", "EUvsDisinfo"},
    {"stopfake.org", "StopFake"},
    // Alternative, hyperpartisan, conspiracy and satire sites studied in
    // disinformation research (names as the sites spell them)
    {"globalresearch.ca", "Global Research"},
    {"zerohedge.com", "ZeroHedge"},
    {"infowars.com", "Infowars"},
    {"prisonplanet.com", "Prison Planet"},
    {"naturalnews.com", "Natural News"},
    {"breitbart.com", "Breitbart"},
    {"dailycaller.com", "The Daily Caller"},
    {"dailywire.com", "The Daily Wire"},
    {"thegatewaypundit.com", "The Gateway Pundit"},
    {"theblaze.com", "TheBlaze"},
    {"newsmax.com", "Newsmax"},
    {"oann.com", "One America News"},
    {"wnd.com", "WND"},
    {"thefederalist.com", "The Federalist"},
    {"nationalreview.com", "National Review"},
    {"weeklystandard.com", "The Weekly Standard"},
    {"redstate.com", "RedState"},
    {"townhall.com", "Townhall"},
    {"pjmedia.com", "PJ Media"},
    {"frontpagemag.com", "FrontPage Magazine"},
    {"americanthinker.com", "American Thinker"},
    {"canadafreepress.com", "Canada Free Press"},
    {"westernjournalism.com", "Western Journal"},
    {"westernjournal.com", "Western Journal"},
    {"dailysignal.com", "The Daily Signal"},
    {"judicialwatch.org", "Judicial Watch"},
    {"lifenews.com", "LifeNews"},
    {"lifesitenews.com", "LifeSiteNews"},
    {"charismanews.com", "Charisma News"},
    {"christianpost.com", "The Christian Post"},
    {"cnsnews.com", "CNSNews"},
    {"freebeacon.com", "Washington Free Beacon"},
    {"ijr.com", "IJR"},
    {"twitchy.com", "Twitchy"},
    {"vdare.com", "VDARE"},
    {"amren.com", "American Renaissance"},
    {"unz.com", "The Unz Review"},
    {"lewrockwell.com", "LewRockwell.com"},
    {"antiwar.com", "Antiwar.com"},
    {"counterpunch.org", "CounterPunch"},
    {"consortiumnews.com", "Consortium News"},
    {"mintpressnews.com", "MintPress News"},
    {"commondreams.org", "Common Dreams"},
    {"alternet.org", "AlterNet"},
    {"rawstory.com", "Raw Story"},
    {"dailykos.com", "Daily Kos"},
    {"thinkprogress.org", "ThinkProgress"},
    {"occupydemocrats.com", "Occupy Democrats"},
    {"bipartisanreport.com", "Bipartisan Report"},
    {"palmerreport.com", "Palmer Report"},
    {"addictinginfo.org", "Addicting Info"},
    {"politicususa.com", "PoliticusUSA"},
    {"blackagendareport.com", "Black Agenda Report"},
    {"jacobinmag.com", "Jacobin"},
    {"beforeitsnews.com", "Before It's News"},
    {"activistpost.com", "Activist Post"},
    {"21stcenturywire.com", "21st Century Wire"},
    {"corbettreport.com", "The Corbett Report"},
    {"veteranstoday.com", "Veterans Today"},
    {"sott.net", "Sott.net"},
    {"rense.com", "Rense"},
    {"whatreallyhappened.com", "What Really Happened"},
    {"yournewswire.com", "YourNewsWire"},
    {"newspunch.com", "News Punch"},
    {"neonnettle.com", "Neon Nettle"},
    {"collective-evolution.com", "Collective Evolution"},
    {"wakingtimes.com", "Waking Times"},
    {"thefreethoughtproject.com", "The Free Thought Project"},
    {"theantimedia.org", "Anti-Media"},
    {"off-guardian.org", "OffGuardian"},
    {"thesaker.is", "The Saker"},
    {"moonofalabama.org", "Moon of Alabama"},
    {"informationclearinghouse.info", "Information Clearinghouse"},
    {"washingtonsblog.com", "Washington's Blog"},
    {"wallstreetonparade.com", "Wall Street on Parade"},
    {"nakedcapitalism.com", "Naked Capitalism"},
    {"investmentwatchblog.com", "InvestmentWatch"},
    {"shtfplan.com", "SHTFplan"},
    {"thedailysheeple.com", "The Daily Sheeple"},
    {"dcclothesline.com", "DC Clothesline"},
    {"endingthefed.com", "Ending the Fed"},
    {"truthfeed.com", "TruthFeed"},
    {"conservativetribune.com", "Conservative Tribune"},
    {"americanlookout.com", "American Lookout"},
    {"anonhq.com", "AnonHQ"},
    {"awarenessact.com", "Awareness Act"},
    {"awm.com", "AWM"},
    {"barenakedislam.com", "Bare Naked Islam"},
    {"breakpoint.org", "BreakPoint"},
    {"city-journal.org", "City Journal"},
    {"cnnnext.com", "CNN Next"},
    {"collectivelyconscious.net", "Collectively Conscious"},
    {"undergroundhealth.com", "Underground Health"},
    {"willyloman.wordpress.com", "Willyloman"},
    {"jihadwatch.org", "Jihad Watch"},
    {"gatesofvienna.net", "Gates of Vienna"},
    {"pamelageller.com", "Pamela Geller"},
    {"dailystormer.com", "The Daily Stormer"},
    {"davidduke.com", "David Duke"},
    {"henrymakow.com", "Henry Makow"},
    {"thenewamerican.com", "The New American"},
    {"newswithviews.com", "NewsWithViews"},
    {"theonion.com", "The Onion"},
    {"clickhole.com", "ClickHole"},
    {"babylonbee.com", "The Babylon Bee"},
    {"worldnewsdailyreport.com", "World News Daily Report"},
    {"nationalreport.net", "National Report"},
    {"empirenews.net", "Empire News"},
    {"huzlers.com", "Huzlers"},
    {"thebeaverton.com", "The Beaverton"},
    {"newsthump.com", "NewsThump"},
    {"thedailymash.co.uk", "The Daily Mash"},
    {"legorafi.fr", "Le Gorafi"},
    {"der-postillon.com", "Der Postillon"},
    {"dietagespresse.com", "Die Tagespresse"},
    {"wikileaks.org", "WikiLeaks"},
    {"wikinews.org", "Wikinews"},
    {"en.wikinews.org", "Wikinews"},
};

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// host lower case, without port, trailing dot and leading "www." (also
// "www1.", "www3."), as the table keys are written.
std::string normalize_host(std::string_view host) {
  const std::size_t colon = host.find(':');
  if (colon != std::string_view::npos) host = host.substr(0, colon);
  while (!host.empty() && host.back() == '.') host.remove_suffix(1);
  std::string lower = ascii_lower(host);
  if (lower.rfind("www", 0) == 0) {
    std::size_t digits = 3;
    while (digits < lower.size() && lower[digits] >= '0' &&
           lower[digits] <= '9') {
      ++digits;
    }
    if (digits < lower.size() && lower[digits] == '.' &&
        lower.find('.', digits + 1) != std::string::npos) {
      lower.erase(0, digits + 1);
    }
  }
  return lower;
}

// The URL archived in a Wayback Machine address
// ("https://web.archive.org/web/20041118233007/http://x.com/a"), or "".
std::string_view archived_url(std::string_view host, std::string_view path) {
  if (host != "web.archive.org" && host != "wayback.archive.org") return {};
  if (path.rfind("/web/", 0) != 0) return {};
  const std::size_t slash = path.find('/', 5);
  if (slash == std::string_view::npos) return {};
  return path.substr(slash + 1);
}

// The host part and the rest (path, query) of url.
std::pair<std::string_view, std::string_view> split_url(std::string_view url) {
  url = trim(url);
  const std::size_t scheme = url.find("://");
  if (scheme != std::string_view::npos && url.find_first_of("/?#") > scheme) {
    url.remove_prefix(scheme + 3);
  } else if (url.rfind("//", 0) == 0) {
    url.remove_prefix(2);
  }
  const std::size_t end = url.find_first_of("/?#");
  std::string_view authority = url.substr(0, end);
  const std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  const std::string_view rest =
      end == std::string_view::npos ? std::string_view() : url.substr(end);
  return {authority, rest};
}

bool is_host_like(std::string_view host) {
  if (host.empty() || host.find('.') == std::string_view::npos) return false;
  for (const char c : host) {
    const bool is_allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                            c == '.' || c == '-' || c == '_';
    if (!is_allowed) return false;
  }
  return true;
}

std::string_view unquote(std::string_view text) {
  text = trim(text);
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
    text = text.substr(1, text.size() - 2);
  }
  return trim(text);
}

// The host of url, normalised, or "" when it has none.
std::string host_of_url(std::string_view url) {
  const auto [authority, rest] = split_url(url);
  std::string host = normalize_host(authority);
  return is_host_like(host) ? host : std::string();
}

}  // namespace

OutletTable OutletTable::built_in() {
  OutletTable table;
  table.built_in_names_.reserve(std::size(kBuiltInOutlets));
  for (const OutletEntry& entry : kBuiltInOutlets) {
    table.built_in_names_.emplace(std::string(entry.host),
                                  std::string(entry.name));
  }
  return table;
}

Result<OutletTable> OutletTable::with_file(const std::string& path) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error::io("cannot read the outlet table " + printable_path(path));
  }
  OutletTable table = *this;
  std::string line;
  std::uint64_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) {
      line.erase(0, 3);
    }
    const std::string_view text = trim(line);
    if (text.empty() || text.front() == '#') continue;
    const std::size_t tab = text.find('\t');
    const std::size_t separator =
        tab != std::string_view::npos ? tab : text.find(',');
    const std::string host =
        separator == std::string_view::npos
            ? std::string()
            : host_of_url(unquote(text.substr(0, separator)));
    const std::string_view name = separator == std::string_view::npos
                                      ? std::string_view()
                                      : unquote(text.substr(separator + 1));
    if (host.empty() || name.empty()) {
      return Error(ErrorCode::kUsage,
                   "outlet table line is not \"host,name\": \"" +
                       std::string(text.substr(0, 80)) + '"',
                   SourceRef{path, line_number, 0});
    }
    table.user_names_[host] = std::string(name);
  }
  if (in.bad()) {
    return Error::io("error reading the outlet table " + printable_path(path));
  }
  return table;
}

std::optional<std::string> OutletTable::outlet_for_host(
    std::string_view host) const {
  const std::string key = normalize_host(host);
  // A user's entry for a domain covers its subdomains even where the
  // built-in table has a closer one ("rt.com" over "russian.rt.com").
  for (const auto* names : {&user_names_, &built_in_names_}) {
    std::string_view candidate = key;
    // The host, then each parent that still has a dot ("co.uk" is tried
    // but never listed).
    while (candidate.find('.') != std::string_view::npos) {
      const auto found = names->find(std::string(candidate));
      if (found != names->end()) return found->second;
      candidate.remove_prefix(candidate.find('.') + 1);
    }
  }
  return std::nullopt;
}

std::optional<std::string> OutletTable::outlet_for_url(
    std::string_view url) const {
  const auto [authority, rest] = split_url(url);
  const std::string host = normalize_host(authority);
  if (!is_host_like(host)) return std::nullopt;
  const std::string_view archived = archived_url(host, rest);
  if (!archived.empty()) {
    if (auto outlet = outlet_for_url(archived)) return outlet;
  }
  return outlet_for_host(host);
}

}  // namespace news::corpus
