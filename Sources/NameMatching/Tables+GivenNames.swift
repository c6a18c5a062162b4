// Given-name equivalence classes across Russian, Ukrainian and Belarusian Cyrillic, their official and
// conventional romanizations, and the Western/Polish forms that the same people are listed under.
// Hand-compiled from the names' standard forms (no third-party data); each line is one class.
// Forms that already share a skeleton (Stanislav/Stanisław) need not be listed, but listing them is harmless.

extension GivenNames {
    static let clusters: String = """
        александр олександр аляксандр алесь alexander aleksandr oleksandr aliaksandr alyaksandr aleksander alexandre alessandro alejandro alexandr
        алексей олексій аляксей alexei alexey aleksei aleksey oleksiy oleksii alexis aleksiej
        андрей андрій андрэй andrei andrey andriy andrii andrew andrzej andreas andre andrej
        анатолий анатолій анатоль anatoly anatoliy anatolii anatol
        антон антін anton antoni antoine antonio anthony antony
        аркадий аркадій arkady arkadiy arkadii
        артём артем artyom artem artiom
        артур arthur artur
        богдан bohdan bogdan
        борис borys boris
        вадим vadym vadim
        валентин valentyn valentin
        валерий валерій valery valerii valeriy walery
        василий василь васіль vasily vasyl wasyl vasili vasiliy basil wassili vasil
        виктор віктор віктар victor viktor wiktor
        виталий віталій vitaly vitalii vitaliy witali
        владимир володимир уладзімір vladimir volodymyr uladzimir włodzimierz wladimir
        владислав vladyslav władysław
        вячеслав вʼячеслав вячаслаў vyacheslav viacheslav wiaczesław
        геннадий геннадій gennady hennadiy hennadii gennadi
        георгий георгій георгій george georgy georgiy heorhiy heorhii georg
        герман herman hermann german
        глеб гліб gleb hlib
        григорий григорій рыгор grigory hryhoriy hryhorii gregory grzegorz grigori
        даниил данило данііл daniil danylo daniel danil daniel
        денис denys denis
        дмитрий дмитро дзмітрый зміцер zmitser dmitry dmytro dzmitry dmitri dimitri dmitrij
        евгений євген яўген yevgeny yevhen evgeny eugene jewgeni yauhen evgenii yevgeniy
        егор єгор yegor egor jegor
        иван іван янка ivan iwan
        игорь ігор igor ihor
        илья ілля ilya illia ilia ilja
        кирилл кирило кірыл kirill kyrylo cyril kiryl
        константин костянтин канстанцін кастусь konstantin kostiantyn kostyantyn constantin constantine konstanty
        леонид леонід leonid
        лев lev leo
        максим maksym maksim maxim
        михаил михайло міхаіл міхась mikhail mykhailo mykhaylo michail mihail michael michał
        никита микита nikita mykyta
        николай микола мікалай nikolai nikolay mykola mikalai nicholas mikołaj nicolai
        олег oleg oleh aleh
        павел павло павал pavel pavlo paul paweł
        пётр петро пятро pyotr petr piotr petro peter
        роман раман roman raman
        семён семен симон semyon semen simon
        сергей сергій сяргей sergei sergey serhiy serhii siarhei sergiusz serge
        станислав stanislav stanisław
        степан stepan stefan stephen steven
        тарас taras
        тимофей тимофій timofei tymofiy timofey timothy
        фёдор федір fyodor fedor fedir theodor teodor
        юрий юрій юрый yuri yury yuriy yurii jurij jerzy
        ярослав yaroslav jarosław
        эдуард едуард eduard edward
        марк mark marc marek marco
        лука luka luca lucas luke
        матвей матвій matvey matviy matthew mateusz
        ефим юхим yefim yukhym
        святослав sviatoslav svyatoslav
        ростислав rostyslav rostislav
        иосиф йосип язэп iosif yosyp josef joseph józef osip
        яков яків yakov yakiv jacob jakub
        филипп пилип filipp pylyp philip filip
        анна ганна hanna anna anne
        мария марія марыя maria mariya mariia marija maryia marie mary
        елена олена алена elena yelena olena helena alena jelena helen
        ольга olga olha volha
        наталья наталия наталія наталля natalia natalya nataliya natalie
        екатерина катерина кацярына yekaterina ekaterina kateryna katsiaryna catherine katarzyna
        ирина ірина ірына irina iryna
        татьяна тетяна таццяна tatiana tatyana tetiana tetyana tatsiana
        светлана світлана святлана svetlana svitlana sviatlana
        юлия юлія yulia yuliya iuliia julia
        виктория вікторія victoria viktoria viktoriya wiktoria
        валерия валерія valeria valeriya
        александра олександра alexandra aleksandra oleksandra
        людмила liudmyla lyudmila ludmila
        галина halyna galina
        надежда надія nadezhda nadiya nadia
        любовь любов lyubov liubov
        евгения євгенія yevgenia yevheniia evgenia eugenia
        дарья дарія дарина daria darya dariia daryna
        анастасия анастасія anastasia anastasiya anastasiia
        ксения ксенія kseniya ksenia xenia kseniia
        софья софия софія sofia sofiya sophia sofya
        вера віра vera vira wiera
        лариса larisa larysa
        елизавета єлизавета yelizaveta elizaveta elizabeth yelyzaveta
        полина polina
        фома хома foma khoma thomas tomasz
        афанасий опанас afanasy opanas
        емельян омелян yemelyan omelian
        ефрем охрім yefrem okhrim
        игнат гнат ignat hnat
        аким яким akim yakym
        зиновий зіновій zinovy zinoviy zinovii
        """
}

extension GivenNames {
    /// Given names that are their own class; listed so that their -ина/-ин endings are not taken for surnames.
    static let singletons: String = """
        марина нина алина кристина регина карина полина ангелина валентина зарина арина мартин бенедикт
        яна диана майя инна алла жанна римма эмма ева лиана лилия роза зинаида тамара раиса клавдия антонина
        нелли элла эльвира снежана милана мирослава злата вероника кира алиса ульяна таисия марта
        марат тимур рустам эмиль ринат платон вениамин гавриил демьян захар игнат мирон назар прохор савва тихон
        эрик ян
        """
}

extension CommonSurnames {
    /// The most frequent East Slavic surnames (both genders where they differ). A match on one of them is weaker
    /// evidence than a match on a rare surname. Korean family names are weak evidence by construction (their weight
    /// in a Korean name score is 0.3).
    static let list: String = """
        иванов смирнов кузнецов попов васильев петров соколов михайлов новиков федоров морозов волков алексеев
        лебедев семенов егоров павлов козлов степанов николаев орлов андреев макаров никитин захаров
        иванова смирнова кузнецова попова васильева петрова соколова михайлова новикова федорова морозова волкова
        шевченко коваленко бондаренко ткаченко кравченко коваль олійник шевчук поліщук бойко мельник ковальчук
        савченко руденко марченко лисенко петренко клименко павленко кузьменко мороз ткачук литвиненко
        іваненко
        """
}
