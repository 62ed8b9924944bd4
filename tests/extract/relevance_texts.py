"""Reports we wrote, for training small relevance gates in tests: ten tell an act of political
violence, ten tell none (diplomacy, disasters, accidents, courts, a speech)."""

ACTS = ["Gunmen shot dead three villagers near Kandahar on Monday, police said.",
        "A roadside bomb killed two soldiers in Helmand province on Tuesday.",
        "A suicide bomber attacked a mosque in Peshawar, killing 12 worshippers.",
        "Militants stormed a police checkpoint in Ghazni, killing four officers.",
        "An explosion at a market in Quetta killed five people and wounded 20.",
        "Insurgents ambushed an army convoy in Kunar, killing six troops.",
        "A car bomb exploded outside a court in Mogadishu, killing seven people.",
        "Attackers opened fire on a wedding party in Borno, killing nine guests.",
        "Rebels shelled a village in Darfur overnight, killing a family of five.",
        "A grenade thrown at a bus stop wounded eleven people in Srinagar."]
NOT_ACTS = ["The foreign minister met his counterpart in Kabul to discuss trade on Monday.",
            "Heavy floods killed 30 people in Nangarhar province after days of rain.",
            "The president gave a speech on the anniversary of the bombing, calling for peace.",
            "A bus crash on the Salang highway killed 14 passengers, officials said.",
            "Parliament approved the budget for the coming year after a long debate.",
            "An earthquake struck Badakhshan, killing nine people and destroying homes.",
            "The court sentenced a former governor to ten years in prison for fraud.",
            "Farmers in Punjab expect a good wheat harvest after the spring rains.",
            "A fire in a textile factory in Karachi killed 20 workers, firefighters said.",
            "The two governments signed a trade agreement at a ceremony in Doha."]
